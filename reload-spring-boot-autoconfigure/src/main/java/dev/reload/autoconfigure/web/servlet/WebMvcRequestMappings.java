package dev.reload.autoconfigure.web.servlet;

import java.lang.reflect.Method;
import java.util.Map;

import dev.reload.autoconfigure.web.HandlerMethodMappings;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.beans.factory.config.EmbeddedValueResolver;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Spring MVC's request mappings, for re-mapping rebuilt controllers. Mappings of new
 * classes are computed the way the application's handler mapping computes them, through
 * the same protected methods of a copy configured like it; they are registered with the
 * application's.
 *
 * @author reload-spring-boot
 */
final class WebMvcRequestMappings extends RequestMappingHandlerMapping
		implements HandlerMethodMappings<RequestMappingInfo> {

	private final RequestMappingHandlerMapping handlerMapping;

	WebMvcRequestMappings(RequestMappingHandlerMapping handlerMapping, ConfigurableBeanFactory beanFactory) {
		this.handlerMapping = handlerMapping;
		setPatternParser(handlerMapping.getPatternParser());
		setContentNegotiationManager(handlerMapping.getContentNegotiationManager());
		setPathPrefixes(handlerMapping.getPathPrefixes());
		if (handlerMapping.getApiVersionStrategy() != null) {
			setApiVersionStrategy(handlerMapping.getApiVersionStrategy());
		}
		setEmbeddedValueResolver(new EmbeddedValueResolver(beanFactory));
		afterPropertiesSet();
	}

	@Override
	protected void initHandlerMethods() {
		// computes mappings on demand only; the application's handler mapping holds them
	}

	@Override
	public Map<RequestMappingInfo, HandlerMethod> handlerMethods() {
		return this.handlerMapping.getHandlerMethods();
	}

	@Override
	public void register(RequestMappingInfo mapping, Object handler, Method method) {
		this.handlerMapping.registerMapping(mapping, handler, method);
	}

	@Override
	public void unregister(RequestMappingInfo mapping) {
		this.handlerMapping.unregisterMapping(mapping);
	}

	@Override
	public boolean isHandlerType(Class<?> type) {
		return isHandler(type);
	}

	@Override
	public @Nullable RequestMappingInfo mappingFor(Method method, Class<?> handlerType) {
		return getMappingForMethod(method, handlerType);
	}

}
