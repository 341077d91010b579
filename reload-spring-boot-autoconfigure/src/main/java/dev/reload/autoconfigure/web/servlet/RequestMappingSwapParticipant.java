package dev.reload.autoconfigure.web.servlet;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.reload.autoconfigure.scope.BeanSwap;
import dev.reload.autoconfigure.scope.BeanSwapParticipant;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.beans.factory.config.EmbeddedValueResolver;
import org.springframework.core.MethodIntrospector;
import org.springframework.util.ClassUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Re-registers the request mappings of rebuilt controllers: a replaced controller's
 * mappings are unregistered and the new class's registered for the new instance, so that
 * added, changed and removed {@code @RequestMapping} methods take effect. The mappings
 * are computed, and checked for clashes, before the switch.
 *
 * @author reload-spring-boot
 */
final class RequestMappingSwapParticipant implements BeanSwapParticipant {

	private final RequestMappingHandlerMapping handlerMapping;

	private final MappingCalculator calculator;

	RequestMappingSwapParticipant(RequestMappingHandlerMapping handlerMapping, ConfigurableBeanFactory beanFactory) {
		this.handlerMapping = handlerMapping;
		this.calculator = new MappingCalculator(handlerMapping, beanFactory);
	}

	@Override
	public Runnable prepare(List<BeanSwap> swaps) {
		List<RequestMappingInfo> obsolete = new ArrayList<>();
		Map<RequestMappingInfo, Registration> added = new LinkedHashMap<>();
		Map<RequestMappingInfo, HandlerMethod> current = this.handlerMapping.getHandlerMethods();
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
				added.putAll(mappingsOf(swap.next()));
			}
		}
		checkClashes(current, obsolete, added);
		return () -> {
			obsolete.forEach(this.handlerMapping::unregisterMapping);
			added.forEach((info, registration) -> this.handlerMapping.registerMapping(info, registration.handler(),
					registration.method()));
		};
	}

	private static boolean isHandlerOf(HandlerMethod method, String beanName, Class<?> previousType) {
		return beanName.equals(method.getBean()) || method.getBeanType() == previousType;
	}

	private Map<RequestMappingInfo, Registration> mappingsOf(Object handler) {
		Class<?> userType = ClassUtils.getUserClass(handler);
		Map<RequestMappingInfo, Registration> mappings = new LinkedHashMap<>();
		if (!this.calculator.isHandlerType(userType)) {
			return mappings;
		}
		Map<Method, RequestMappingInfo> methods = MethodIntrospector.selectMethods(userType,
				(MethodIntrospector.MetadataLookup<RequestMappingInfo>) (method) -> this.calculator.mappingFor(method,
						userType));
		methods.forEach((method, info) -> mappings.put(info,
				new Registration(handler, AopUtils.selectInvocableMethod(method, userType))));
		return mappings;
	}

	private void checkClashes(Map<RequestMappingInfo, HandlerMethod> current, List<RequestMappingInfo> obsolete,
			Map<RequestMappingInfo, Registration> added) {
		for (RequestMappingInfo info : added.keySet()) {
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

	/**
	 * Computes request mapping information the way the application's handler mapping
	 * does, through the same protected methods, configured like it.
	 */
	private static final class MappingCalculator extends RequestMappingHandlerMapping {

		MappingCalculator(RequestMappingHandlerMapping model, ConfigurableBeanFactory beanFactory) {
			setPatternParser(model.getPatternParser());
			setContentNegotiationManager(model.getContentNegotiationManager());
			setPathPrefixes(model.getPathPrefixes());
			if (model.getApiVersionStrategy() != null) {
				setApiVersionStrategy(model.getApiVersionStrategy());
			}
			setEmbeddedValueResolver(new EmbeddedValueResolver(beanFactory));
			afterPropertiesSet();
		}

		@Override
		protected void initHandlerMethods() {
			// computes mappings on demand only
		}

		boolean isHandlerType(Class<?> type) {
			return isHandler(type);
		}

		@Nullable RequestMappingInfo mappingFor(Method method, Class<?> handlerType) {
			return getMappingForMethod(method, handlerType);
		}

	}

}
