package dev.reload.autoconfigure.web.servlet;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.reload.BeanSwap;
import dev.reload.BeanSwapParticipant;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.method.ControllerAdviceBean;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.handler.HandlerExceptionResolverComposite;
import org.springframework.web.servlet.mvc.method.annotation.ExceptionHandlerExceptionResolver;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * Has Spring MVC read its {@code @ControllerAdvice} beans again when a reload rebuilds,
 * adds or removes one: the handler adapter's {@code @ModelAttribute} and
 * {@code @InitBinder} advice and the exception resolver's {@code @ExceptionHandler}
 * advice are cached at start-up with the instance and the methods of each advice bean,
 * which would otherwise go on calling the old instance with the new class's methods. A
 * failed switch puts the caches back as they were.
 *
 * @author reload-spring-boot
 */
final class ControllerAdviceSwapParticipant implements BeanSwapParticipant {

	private final ApplicationContext context;

	ControllerAdviceSwapParticipant(ApplicationContext context) {
		Assert.notNull(context, "'context' must not be null");
		this.context = context;
	}

	@Override
	public Switch prepare(List<BeanSwap> swaps) {
		if (swaps.stream().noneMatch((swap) -> isAdvice(swap.previous()) || isAdvice(swap.next()))) {
			return Switch.none();
		}
		List<AdviceCaches> caches = new ArrayList<>();
		this.context.getBeansOfType(RequestMappingHandlerAdapter.class)
			.values()
			.forEach((adapter) -> caches.add(AdviceCaches.of(adapter)));
		for (HandlerExceptionResolver resolver : this.context.getBeansOfType(HandlerExceptionResolver.class).values()) {
			exceptionHandlerResolvers(resolver).forEach((handler) -> caches.add(AdviceCaches.of(handler)));
		}
		List<Map<Field, Object>> before = caches.stream().map(AdviceCaches::snapshot).toList();
		return new Switch() {

			@Override
			public void apply() {
				caches.forEach(AdviceCaches::reread);
			}

			@Override
			public void undo() {
				for (int i = 0; i < caches.size(); i++) {
					caches.get(i).restore(before.get(i));
				}
			}

		};
	}

	private static List<ExceptionHandlerExceptionResolver> exceptionHandlerResolvers(
			HandlerExceptionResolver resolver) {
		List<ExceptionHandlerExceptionResolver> resolvers = new ArrayList<>();
		if (resolver instanceof ExceptionHandlerExceptionResolver handler) {
			resolvers.add(handler);
		}
		else if (resolver instanceof HandlerExceptionResolverComposite composite) {
			// Spring MVC's own resolver is not a bean of its own, only part of this one
			composite.getExceptionResolvers().forEach((nested) -> resolvers.addAll(exceptionHandlerResolvers(nested)));
		}
		return resolvers;
	}

	private static boolean isAdvice(@Nullable Object bean) {
		return bean != null
				&& AnnotatedElementUtils.hasAnnotation(ClassUtils.getUserClass(bean), ControllerAdvice.class);
	}

	/**
	 * The advice caches of one adapter or resolver, and the method that fills them.
	 */
	private record AdviceCaches(Object owner, List<Field> maps, List<Field> adviceLists, Method readAdvice) {

		static AdviceCaches of(RequestMappingHandlerAdapter adapter) {
			return new AdviceCaches(adapter,
					List.of(MvcInternals.ADAPTER_INIT_BINDER_ADVICE, MvcInternals.ADAPTER_MODEL_ATTRIBUTE_ADVICE),
					List.of(MvcInternals.ADAPTER_BODY_ADVICE), MvcInternals.ADAPTER_INIT_ADVICE);
		}

		static AdviceCaches of(ExceptionHandlerExceptionResolver resolver) {
			return new AdviceCaches(resolver, List.of(MvcInternals.RESOLVER_EXCEPTION_HANDLER_ADVICE),
					List.of(MvcInternals.RESOLVER_BODY_ADVICE), MvcInternals.RESOLVER_INIT_ADVICE);
		}

		Map<Field, Object> snapshot() {
			Map<Field, Object> snapshot = new LinkedHashMap<>();
			this.maps.forEach((field) -> snapshot.put(field, new LinkedHashMap<>(map(field))));
			this.adviceLists.forEach((field) -> snapshot.put(field, new ArrayList<>(list(field))));
			return snapshot;
		}

		void reread() {
			// the advice beans found at start-up come first in the body advice; they are
			// found again, with the ones added since
			this.maps.forEach((field) -> map(field).clear());
			this.adviceLists.forEach((field) -> list(field).removeIf(ControllerAdviceBean.class::isInstance));
			ReflectionUtils.invokeMethod(this.readAdvice, this.owner);
		}

		@SuppressWarnings("unchecked")
		void restore(Map<Field, Object> snapshot) {
			this.maps.forEach((field) -> {
				map(field).clear();
				map(field).putAll((Map<Object, Object>) snapshot.get(field));
			});
			this.adviceLists.forEach((field) -> {
				list(field).clear();
				list(field).addAll((List<Object>) snapshot.get(field));
			});
		}

		@SuppressWarnings("unchecked")
		private Map<Object, Object> map(Field field) {
			return (Map<Object, Object>) ReflectionUtils.getField(field, this.owner);
		}

		@SuppressWarnings("unchecked")
		private List<Object> list(Field field) {
			return (List<Object>) ReflectionUtils.getField(field, this.owner);
		}

	}

}
