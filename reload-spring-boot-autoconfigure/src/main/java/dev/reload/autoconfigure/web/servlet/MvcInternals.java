package dev.reload.autoconfigure.web.servlet;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;

import dev.reload.autoconfigure.scope.SpringInternals;

import org.springframework.web.servlet.mvc.method.annotation.ExceptionHandlerExceptionResolver;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * The private members of Spring MVC that reading the {@code @ControllerAdvice} beans
 * again needs: the caches are filled once, in {@code afterPropertiesSet()}, which also
 * does much else and must not run twice. A member that is gone fails loudly, naming it
 * (and {@code MvcInternalsTests} fails), instead of leaving the advice stale.
 *
 * @author reload-spring-boot
 */
final class MvcInternals {

	private static final String WHY = "to read the @ControllerAdvice beans again after a reload";

	static final Field ADAPTER_INIT_BINDER_ADVICE = field(RequestMappingHandlerAdapter.class, "initBinderAdviceCache",
			Map.class);

	static final Field ADAPTER_MODEL_ATTRIBUTE_ADVICE = field(RequestMappingHandlerAdapter.class,
			"modelAttributeAdviceCache", Map.class);

	static final Field ADAPTER_BODY_ADVICE = field(RequestMappingHandlerAdapter.class, "requestResponseBodyAdvice",
			List.class);

	static final Method ADAPTER_INIT_ADVICE = method(RequestMappingHandlerAdapter.class, "initControllerAdviceCache");

	static final Field RESOLVER_EXCEPTION_HANDLER_ADVICE = field(ExceptionHandlerExceptionResolver.class,
			"exceptionHandlerAdviceCache", Map.class);

	static final Field RESOLVER_BODY_ADVICE = field(ExceptionHandlerExceptionResolver.class, "responseBodyAdvice",
			List.class);

	static final Method RESOLVER_INIT_ADVICE = method(ExceptionHandlerExceptionResolver.class,
			"initExceptionHandlerAdviceCache");

	private MvcInternals() {
	}

	private static Field field(Class<?> owner, String name, Class<?> type) {
		return SpringInternals.field(owner, name, type, WHY);
	}

	private static Method method(Class<?> owner, String name) {
		return SpringInternals.method(owner, name, WHY);
	}

}
