package dev.reload.autoconfigure.web;

import java.lang.reflect.Method;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.web.method.HandlerMethod;

/**
 * The operations of a handler mapping that maps annotated methods, Spring MVC's or Spring
 * WebFlux's, that re-mapping a rebuilt controller needs.
 *
 * @param <T> the handler mapping's mapping type
 * @author reload-spring-boot
 */
public interface HandlerMethodMappings<T> {

	/**
	 * Return the handler mapping's current mappings.
	 * @return the mappings and their handler methods
	 */
	Map<T, HandlerMethod> handlerMethods();

	/**
	 * Register a mapping with the handler mapping.
	 * @param mapping the mapping
	 * @param handler the handler instance
	 * @param method the handler method
	 */
	void register(T mapping, Object handler, Method method);

	/**
	 * Unregister a mapping from the handler mapping.
	 * @param mapping the mapping
	 */
	void unregister(T mapping);

	/**
	 * Return whether the handler mapping maps methods of the type.
	 * @param type the type
	 * @return whether it is a handler type
	 */
	boolean isHandlerType(Class<?> type);

	/**
	 * Return the mapping of a method, computed the way the handler mapping does.
	 * @param method the method
	 * @param handlerType the handler type
	 * @return the mapping, or {@code null} if the method is not mapped
	 */
	@Nullable T mappingFor(Method method, Class<?> handlerType);

}
