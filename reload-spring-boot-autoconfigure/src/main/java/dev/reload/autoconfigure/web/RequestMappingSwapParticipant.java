package dev.reload.autoconfigure.web;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.reload.BeanSwap;
import dev.reload.BeanSwapParticipant;

import org.springframework.aop.support.AopUtils;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.Ordered;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;
import org.springframework.web.method.HandlerMethod;

/**
 * Re-registers the request mappings of rebuilt controllers: a replaced controller's
 * mappings are unregistered and the new class's registered for the new instance, so that
 * added, changed and removed {@code @RequestMapping} methods take effect. The mappings
 * are computed, and checked for clashes, before the switch. Spring MVC and Spring WebFlux
 * each supply their handler mapping's {@link HandlerMethodMappings}.
 *
 * @param <T> the handler mapping's mapping type
 * @author reload-spring-boot
 */
public final class RequestMappingSwapParticipant<T> implements BeanSwapParticipant, Ordered {

	private final HandlerMethodMappings<T> mappings;

	/**
	 * Create a participant.
	 * @param mappings the handler mapping's operations
	 */
	public RequestMappingSwapParticipant(HandlerMethodMappings<T> mappings) {
		Assert.notNull(mappings, "'mappings' must not be null");
		this.mappings = mappings;
	}

	@Override
	public int getOrder() {
		// first: a participant after it that fails finds the mappings to undo
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public Switch prepare(List<BeanSwap> swaps) {
		List<T> obsolete = new ArrayList<>();
		Map<T, Registration> added = new LinkedHashMap<>();
		Map<T, HandlerMethod> current = this.mappings.handlerMethods();
		for (BeanSwap swap : swaps) {
			if (swap.previous() != null) {
				Class<?> previousType = ClassUtils.getUserClass(swap.previous());
				current.forEach((info, method) -> {
					if (isHandlerOf(method, swap.beanName(), previousType)) {
						obsolete.add(info);
					}
				});
			}
			if (swap.next() != null) {
				mappingsOf(swap.next()).forEach((info, registration) -> {
					Registration other = added.putIfAbsent(info, registration);
					if (other != null) {
						// two rebuilt controllers: Spring refuses this at start-up too
						throw new IllegalStateException(
								"Ambiguous mapping: " + info + " of " + registration.method().toGenericString()
										+ " is also mapped by " + other.method().toGenericString());
					}
				});
			}
		}
		checkClashes(current, obsolete, added);
		Map<T, HandlerMethod> replaced = new LinkedHashMap<>();
		obsolete.forEach((info) -> replaced.put(info, current.get(info)));
		return new Switch() {

			@Override
			public void apply() {
				obsolete.forEach(RequestMappingSwapParticipant.this.mappings::unregister);
				added.forEach((info, registration) -> RequestMappingSwapParticipant.this.mappings.register(info,
						registration.handler(), registration.method()));
			}

			@Override
			public void undo() {
				added.keySet().forEach(RequestMappingSwapParticipant.this.mappings::unregister);
				replaced.forEach((info, method) -> RequestMappingSwapParticipant.this.mappings.register(info,
						method.getBean(), method.getMethod()));
			}

		};
	}

	private static boolean isHandlerOf(HandlerMethod method, String beanName, Class<?> previousType) {
		return beanName.equals(method.getBean()) || method.getBeanType() == previousType;
	}

	private Map<T, Registration> mappingsOf(Object handler) {
		Class<?> userType = ClassUtils.getUserClass(handler);
		Map<T, Registration> mappings = new LinkedHashMap<>();
		if (!this.mappings.isHandlerType(userType)) {
			return mappings;
		}
		Map<Method, T> methods = MethodIntrospector.selectMethods(userType,
				(MethodIntrospector.MetadataLookup<T>) (method) -> this.mappings.mappingFor(method, userType));
		methods.forEach((method, info) -> mappings.put(info,
				new Registration(handler, AopUtils.selectInvocableMethod(method, userType))));
		return mappings;
	}

	private void checkClashes(Map<T, HandlerMethod> current, List<T> obsolete, Map<T, Registration> added) {
		for (T info : added.keySet()) {
			if (current.containsKey(info) && !obsolete.contains(info)) {
				HandlerMethod existing = current.get(info);
				throw new IllegalStateException(
						"Ambiguous mapping: " + info + " of " + added.get(info).method().toGenericString()
								+ " is already mapped to " + Objects.requireNonNull(existing).getShortLogMessage());
			}
		}
	}

	private record Registration(Object handler, Method method) {

	}

}
