package dev.reload.autoconfigure.web.reactive;

import dev.reload.autoconfigure.ReloadAutoConfiguration;
import dev.reload.autoconfigure.engine.ReloadEngine;
import dev.reload.autoconfigure.engine.RequestGate;
import dev.reload.autoconfigure.web.ReloadEndpointRequests;
import dev.reload.autoconfigure.web.ConverterBeanSwapParticipant;
import dev.reload.autoconfigure.web.HeldWebBeans;
import dev.reload.autoconfigure.web.RequestMappingSwapParticipant;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.DispatcherHandler;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

/**
 * Auto-configuration that reloads on the request after a change in a Spring WebFlux
 * application, and keeps rebuilt controllers' request mappings current.
 *
 * @author reload-spring-boot
 */
@AutoConfiguration(after = { ReloadAutoConfiguration.class, WebFluxAutoConfiguration.class },
		afterName = "org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass({ DispatcherHandler.class, WebFluxAutoConfiguration.class })
@ConditionalOnBean(ReloadEngine.class)
public final class ReloadWebFluxAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ReloadWebFilter reloadWebFilter(ReloadEngine reloadEngine, RequestGate reloadRequestGate,
			ObjectProvider<ReloadEndpointRequests> endpointRequests) {
		return new ReloadWebFilter(reloadEngine, reloadRequestGate, endpointRequests.getIfAvailable());
	}

	@Bean
	@ConditionalOnBean(name = "requestMappingHandlerMapping")
	@ConditionalOnMissingBean(name = "reloadRequestMappingSwapParticipant")
	RequestMappingSwapParticipant<RequestMappingInfo> reloadRequestMappingSwapParticipant(
			@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping requestMappingHandlerMapping,
			ConfigurableListableBeanFactory beanFactory) {
		return new RequestMappingSwapParticipant<>(
				new WebFluxRequestMappings(requestMappingHandlerMapping, beanFactory));
	}

	@Bean
	@ConditionalOnMissingBean(name = "reloadHeldWebBeans")
	HeldWebBeans reloadHeldWebBeans(ConfigurableListableBeanFactory beanFactory) {
		return HeldWebBeans.reactive(beanFactory.getBeanClassLoader());
	}

	@Bean
	@ConditionalOnMissingBean(name = "reloadWebFilterSwapParticipant")
	WebFilterSwapParticipant reloadWebFilterSwapParticipant(ApplicationContext context) {
		return new WebFilterSwapParticipant(context);
	}

	@Bean
	@ConditionalOnMissingBean(name = "reloadConverterBeanSwapParticipant")
	ConverterBeanSwapParticipant reloadConverterBeanSwapParticipant(ConfigurableListableBeanFactory beanFactory) {
		return new ConverterBeanSwapParticipant(beanFactory);
	}

}
