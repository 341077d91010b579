package dev.reload.autoconfigure.web.servlet;

import dev.reload.autoconfigure.ReloadAutoConfiguration;
import dev.reload.autoconfigure.engine.ReloadEngine;
import dev.reload.autoconfigure.engine.RequestGate;
import dev.reload.autoconfigure.web.ConverterBeanSwapParticipant;
import dev.reload.autoconfigure.web.HeldWebBeans;
import dev.reload.autoconfigure.web.ReloadEndpointRequests;
import dev.reload.autoconfigure.web.RequestMappingSwapParticipant;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Auto-configuration that reloads on the request after a change in a Spring MVC
 * application, and keeps rebuilt controllers' request mappings current.
 *
 * @author reload-spring-boot
 */
@AutoConfiguration(after = { ReloadAutoConfiguration.class, WebMvcAutoConfiguration.class },
		afterName = "org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ DispatcherServlet.class, WebMvcConfigurer.class })
@ConditionalOnBean(ReloadEngine.class)
public final class ReloadWebMvcAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "reloadRequestFilter")
	FilterRegistrationBean<ReloadRequestFilter> reloadRequestFilter(ReloadEngine reloadEngine,
			RequestGate reloadRequestGate, ObjectProvider<ReloadEndpointRequests> endpointRequests) {
		FilterRegistrationBean<ReloadRequestFilter> registration = new FilterRegistrationBean<>(
				new ReloadRequestFilter(reloadEngine, reloadRequestGate, endpointRequests.getIfAvailable()));
		// inside Spring Boot's server observation filter (HIGHEST_PRECEDENCE + 1), so
		// that a
		// reload a request triggers is observed as part of it, and before anything that
		// looks up a handler, such as Spring Security's filters
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
		return registration;
	}

	@Bean
	@ConditionalOnMissingBean
	ReloadGateHandlerMapping reloadGateHandlerMapping(RequestGate reloadRequestGate, ApplicationContext context) {
		return new ReloadGateHandlerMapping(reloadRequestGate, context);
	}

	@Bean
	@ConditionalOnMissingBean
	ReloadHandlerInterceptor reloadHandlerInterceptor(ReloadEngine reloadEngine) {
		return new ReloadHandlerInterceptor(reloadEngine);
	}

	@Bean
	@ConditionalOnMissingBean(name = "reloadWebMvcConfigurer")
	WebMvcConfigurer reloadWebMvcConfigurer(ReloadHandlerInterceptor reloadHandlerInterceptor) {
		return new WebMvcConfigurer() {

			@Override
			public void addInterceptors(InterceptorRegistry registry) {
				registry.addInterceptor(reloadHandlerInterceptor).order(Ordered.HIGHEST_PRECEDENCE);
			}

		};
	}

	@Bean
	@ConditionalOnBean(name = "requestMappingHandlerMapping")
	@ConditionalOnMissingBean(name = "reloadRequestMappingSwapParticipant")
	RequestMappingSwapParticipant<RequestMappingInfo> reloadRequestMappingSwapParticipant(
			@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping requestMappingHandlerMapping,
			ConfigurableListableBeanFactory beanFactory) {
		return new RequestMappingSwapParticipant<>(
				new WebMvcRequestMappings(requestMappingHandlerMapping, beanFactory));
	}

	@Bean
	@ConditionalOnClass(name = DomainClassConverters.DOMAIN_CLASS_CONVERTER)
	@ConditionalOnMissingBean(name = "reloadDomainClassConverters")
	DomainClassConverters reloadDomainClassConverters(ApplicationContext applicationContext) {
		return new DomainClassConverters(applicationContext);
	}

	@Bean
	@ConditionalOnMissingBean(name = "reloadControllerAdviceSwapParticipant")
	ControllerAdviceSwapParticipant reloadControllerAdviceSwapParticipant(ApplicationContext applicationContext) {
		return new ControllerAdviceSwapParticipant(applicationContext);
	}

	@Bean
	@ConditionalOnMissingBean(name = "reloadHeldWebBeans")
	HeldWebBeans reloadHeldWebBeans(ConfigurableListableBeanFactory beanFactory) {
		return HeldWebBeans.servlet(beanFactory.getBeanClassLoader());
	}

	@Bean
	@ConditionalOnMissingBean(name = "reloadHandlerInterceptorSwapParticipant")
	HandlerInterceptorSwapParticipant reloadHandlerInterceptorSwapParticipant(ApplicationContext applicationContext) {
		return new HandlerInterceptorSwapParticipant(applicationContext);
	}

	@Bean
	@ConditionalOnMissingBean(name = "reloadServletFilterSwapParticipant")
	ServletFilterSwapParticipant reloadServletFilterSwapParticipant(ApplicationContext applicationContext) {
		return new ServletFilterSwapParticipant(applicationContext);
	}

	@Bean
	@ConditionalOnMissingBean(name = "reloadConverterBeanSwapParticipant")
	ConverterBeanSwapParticipant reloadConverterBeanSwapParticipant(ConfigurableListableBeanFactory beanFactory) {
		return new ConverterBeanSwapParticipant(beanFactory);
	}

}
