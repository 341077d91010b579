package dev.reload.autoconfigure.web.servlet;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import dev.reload.BeanSwap;
import dev.reload.BeanSwapParticipant;
import dev.reload.autoconfigure.engine.RestartRequiredException;
import dev.reload.autoconfigure.scope.SpringInternals;
import dev.reload.autoconfigure.web.HeldWebBeans;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.context.request.WebRequestInterceptor;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurationSupport;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.handler.AbstractHandlerMapping;

/**
 * Makes Spring MVC call a rebuilt handler interceptor bean, registered by a
 * {@code WebMvcConfigurer} bean that is rebuilt with it. Spring MVC asked each configurer
 * for its interceptors once, at start-up, and the handler mappings hold them, so the old
 * interceptor would otherwise go on intercepting. Before anything is switched, the old
 * and the rebuilt configurer are each asked again, into a registry of their own: if the
 * rebuilt one registers the same interceptors, in the same order, with the same path
 * patterns, methods and order, where each interceptor is the one it registered before or
 * that one's rebuilt instance, the handler mappings are pointed at the rebuilt
 * interceptors at the switch, keeping their places; undoing the switch points them back.
 * <p>
 * Anything else needs a restart: a configurer or interceptor bean added or removed, a
 * configurer that implements any other callback (which Spring MVC applied once, at
 * start-up), one that registers otherwise, or that makes its interceptors itself (a new
 * instance of a reloaded class the handler mappings do not hold), and an interceptor the
 * handler mappings do not hold as it is (wrapped in one of the application's).
 *
 * @author reload-spring-boot
 */
final class HandlerInterceptorSwapParticipant implements BeanSwapParticipant, Ordered {

	private static final String WHY = "to switch a rebuilt handler interceptor into the handler mappings";

	private static final String CONFIGURER = "a WebMvcConfigurer, which Spring MVC called once at start-up";

	private static final String INTERCEPTOR = "a handler interceptor, which the handler mappings hold from start-up";

	private static final Field REGISTRATIONS = SpringInternals.field(InterceptorRegistry.class, "registrations",
			List.class, WHY);

	private static final Field REGISTERED_INTERCEPTOR = SpringInternals.field(InterceptorRegistration.class,
			"interceptor", HandlerInterceptor.class, WHY);

	/** Every setting of a registration but its interceptor: patterns, methods, order. */
	private static final List<Field> REGISTRATION_SETTINGS = registrationSettings();

	private static final Field MAPPING_INTERCEPTORS = SpringInternals.field(AbstractHandlerMapping.class,
			"interceptors", List.class, WHY);

	private static final Field ADAPTED_INTERCEPTORS = SpringInternals.field(AbstractHandlerMapping.class,
			"adaptedInterceptors", List.class, WHY);

	private static final Method ADD_INTERCEPTORS = ReflectionUtils.findMethod(WebMvcConfigurer.class, "addInterceptors",
			InterceptorRegistry.class);

	private final ApplicationContext context;

	HandlerInterceptorSwapParticipant(ApplicationContext context) {
		Assert.notNull(context, "'context' must not be null");
		this.context = context;
	}

	@Override
	public int getOrder() {
		return HeldWebBeans.REFUSAL_ORDER;
	}

	@Override
	public Switch prepare(List<BeanSwap> swaps) {
		List<BeanSwap> configurers = swaps.stream()
			.filter((swap) -> isConfigurer(swap.previous()) || isConfigurer(swap.next()))
			.toList();
		Map<Object, Object> interceptors = new IdentityHashMap<>();
		Set<String> refused = new TreeSet<>();
		for (BeanSwap swap : swaps) {
			if (isInterceptor(swap.previous()) || isInterceptor(swap.next())) {
				if (!isInterceptor(swap.previous()) || !isInterceptor(swap.next())) {
					refused.add(refusal(swap, INTERCEPTOR + ((swap.previous() == null) ? ", added" : ", removed")));
				}
				else {
					interceptors.put(swap.previous(), swap.next());
				}
			}
		}
		if (configurers.isEmpty() && interceptors.isEmpty() && refused.isEmpty()) {
			return Switch.none();
		}
		for (BeanSwap swap : configurers) {
			String reason = configurerRefusal(swap, interceptors);
			if (reason != null) {
				refused.add(refusal(swap, reason));
			}
		}
		refuseAny(refused);
		Map<Object, Object> replaced = new IdentityHashMap<>(interceptors);
		configurers.forEach((swap) -> replaced.put(swap.previous(), swap.next()));
		List<Held> held = held(replaced);
		for (BeanSwap swap : swaps) {
			// one the handler mappings do not hold as it is (inside an interceptor of the
			// application's, say) would go on running
			if (interceptors.containsKey(swap.previous())
					&& held.stream().noneMatch((place) -> place.previous() == swap.previous())) {
				refused.add(refusal(swap, INTERCEPTOR + ", but not where the reload can find it"));
			}
		}
		refuseAny(refused);
		return new Switch() {

			@Override
			public void apply() {
				held.forEach(Held::apply);
			}

			@Override
			public void undo() {
				held.forEach(Held::undo);
			}

		};
	}

	private static void refuseAny(Set<String> refused) {
		if (!refused.isEmpty()) {
			throw RestartRequiredException.rebuilding(refused,
					"a new instance would never be called while the old one kept running");
		}
	}

	private static String refusal(BeanSwap swap, String reason) {
		return RestartRequiredException.bean(swap.beanName(), reason);
	}

	private @Nullable String configurerRefusal(BeanSwap swap, Map<Object, Object> interceptors) {
		if (!isConfigurer(swap.previous()) || !isConfigurer(swap.next())) {
			return CONFIGURER + ((swap.previous() == null) ? ", added" : ", removed");
		}
		if (!onlyAddsInterceptors(swap.previous()) || !onlyAddsInterceptors(swap.next())) {
			return CONFIGURER;
		}
		List<InterceptorRegistration> before = registrations(swap.beanName(), (WebMvcConfigurer) swap.previous());
		List<InterceptorRegistration> after = registrations(swap.beanName(), (WebMvcConfigurer) swap.next());
		if (before.size() != after.size()) {
			return CONFIGURER + ", registering other interceptors now";
		}
		for (int i = 0; i < before.size(); i++) {
			if (!sameRegistration(before.get(i), after.get(i), interceptors)) {
				return CONFIGURER + ", registering other interceptors now";
			}
		}
		return null;
	}

	private static boolean onlyAddsInterceptors(Object configurer) {
		Class<?> type = ClassUtils.getUserClass(configurer);
		for (Method callback : WebMvcConfigurer.class.getMethods()) {
			if (Modifier.isStatic(callback.getModifiers()) || callback.equals(ADD_INTERCEPTORS)) {
				continue;
			}
			if (ClassUtils.getMostSpecificMethod(callback, type).getDeclaringClass() != WebMvcConfigurer.class) {
				return false;
			}
		}
		return true;
	}

	@SuppressWarnings("unchecked")
	private static List<InterceptorRegistration> registrations(String beanName, WebMvcConfigurer configurer) {
		InterceptorRegistry registry = new InterceptorRegistry();
		try {
			configurer.addInterceptors(registry);
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException("WebMvcConfigurer '" + beanName + "' of class "
					+ ClassUtils.getUserClass(configurer).getName() + " failed to register its interceptors: " + ex,
					ex);
		}
		return List.copyOf((List<InterceptorRegistration>) ReflectionUtils.getField(REGISTRATIONS, registry));
	}

	/**
	 * Return whether two registrations are the same but for an interceptor replaced by
	 * its rebuilt instance: every field of Spring's registration (patterns, methods, path
	 * matcher, order) equal.
	 */
	private static boolean sameRegistration(InterceptorRegistration before, InterceptorRegistration after,
			Map<Object, Object> interceptors) {
		Object previous = registered(before);
		Object next = registered(after);
		if (previous != next && interceptors.get(previous) != next) {
			return false;
		}
		for (Field field : REGISTRATION_SETTINGS) {
			if (!Objects.equals(ReflectionUtils.getField(field, before), ReflectionUtils.getField(field, after))) {
				return false;
			}
		}
		return true;
	}

	private static List<Field> registrationSettings() {
		List<Field> fields = new ArrayList<>();
		ReflectionUtils.doWithFields(InterceptorRegistration.class, (field) -> {
			ReflectionUtils.makeAccessible(field);
			fields.add(field);
		}, (field) -> !Modifier.isStatic(field.getModifiers()) && !field.equals(REGISTERED_INTERCEPTOR));
		return List.copyOf(fields);
	}

	/** The interceptor a registration holds, or the web request interceptor it adapts. */
	private static Object registered(InterceptorRegistration registration) {
		Object interceptor = ReflectionUtils.getField(REGISTERED_INTERCEPTOR, registration);
		Assert.state(interceptor != null, "An interceptor registration without an interceptor");
		for (Field field : springFields(interceptor.getClass())) {
			if (ReflectionUtils.getField(field, interceptor) instanceof WebRequestInterceptor adapted) {
				return adapted;
			}
		}
		return interceptor;
	}

	/**
	 * Return where the handler mappings and Spring MVC's configuration hold the replaced
	 * interceptors and configurers: as elements of their lists (the handler mappings'
	 * interceptors, the configuration's interceptors and its composite of configurers),
	 * or inside Spring's wrappers of them (a mapped interceptor, a web request
	 * interceptor's adapter).
	 */
	@SuppressWarnings("unchecked")
	private List<Held> held(Map<Object, Object> replaced) {
		List<Held> held = new ArrayList<>();
		Set<Object> visited = Collections.newSetFromMap(new IdentityHashMap<>());
		for (AbstractHandlerMapping mapping : this.context.getBeansOfType(AbstractHandlerMapping.class, false, false)
			.values()) {
			heldIn((List<Object>) ReflectionUtils.getField(MAPPING_INTERCEPTORS, mapping), replaced, held, visited, 2);
			heldIn((List<Object>) ReflectionUtils.getField(ADAPTED_INTERCEPTORS, mapping), replaced, held, visited, 2);
		}
		for (WebMvcConfigurationSupport configuration : this.context
			.getBeansOfType(WebMvcConfigurationSupport.class, false, false)
			.values()) {
			heldInside(configuration, replaced, held, visited, 3);
		}
		return held;
	}

	@SuppressWarnings("unchecked")
	private static void heldIn(@Nullable List<Object> list, Map<Object, Object> replaced, List<Held> held,
			Set<Object> visited, int depth) {
		if (list == null || !visited.add(list)) {
			return;
		}
		for (int i = 0; i < list.size(); i++) {
			Object element = list.get(i);
			Object next = (element != null) ? replaced.get(element) : null;
			if (next != null) {
				held.add(new HeldElement(list, i, element, next));
			}
			else if (element != null && depth > 0 && isSpring(element.getClass())) {
				heldInside(element, replaced, held, visited, depth);
			}
		}
	}

	@SuppressWarnings("unchecked")
	private static void heldInside(Object wrapper, Map<Object, Object> replaced, List<Held> held, Set<Object> visited,
			int depth) {
		if (!visited.add(wrapper)) {
			return;
		}
		for (Field field : springFields(wrapper.getClass())) {
			Object value = ReflectionUtils.getField(field, wrapper);
			Object next = (value != null) ? replaced.get(value) : null;
			if (next != null) {
				held.add(new HeldField(wrapper, field, value, next));
			}
			else if (depth > 1 && value instanceof List<?> list) {
				heldIn((List<Object>) list, replaced, held, visited, depth - 1);
			}
			else if (depth > 1 && value != null && isSpring(value.getClass())) {
				heldInside(value, replaced, held, visited, depth - 1);
			}
		}
	}

	private static List<Field> springFields(Class<?> type) {
		List<Field> fields = new ArrayList<>();
		if (isSpring(type)) {
			ReflectionUtils.doWithFields(type, (field) -> {
				ReflectionUtils.makeAccessible(field);
				fields.add(field);
			}, (field) -> !Modifier.isStatic(field.getModifiers()) && !field.getType().isPrimitive()
					&& isSpring(field.getDeclaringClass()));
		}
		return fields;
	}

	private static boolean isSpring(Class<?> type) {
		return type.getName().startsWith("org.springframework.web.");
	}

	private static boolean isConfigurer(@Nullable Object bean) {
		return bean instanceof WebMvcConfigurer;
	}

	private static boolean isInterceptor(@Nullable Object bean) {
		return bean instanceof HandlerInterceptor || bean instanceof WebRequestInterceptor;
	}

	/**
	 * A place that holds a replaced interceptor.
	 */
	private interface Held {

		Object previous();

		void apply();

		void undo();

	}

	private record HeldElement(List<Object> list, int index, Object previous, Object next) implements Held {

		@Override
		public void apply() {
			// a set, which requests iterating the list in flight do not notice
			this.list.set(this.index, this.next);
		}

		@Override
		public void undo() {
			this.list.set(this.index, this.previous);
		}

	}

	private record HeldField(Object wrapper, Field field, Object previous, Object next) implements Held {

		@Override
		public void apply() {
			ReflectionUtils.setField(this.field, this.wrapper, this.next);
		}

		@Override
		public void undo() {
			ReflectionUtils.setField(this.field, this.wrapper, this.previous);
		}

	}

}
