package dev.reload.autoconfigure.web.servlet;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.StaticApplicationContext;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.servlet.mvc.method.annotation.ExceptionHandlerExceptionResolver;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every private member of Spring MVC that reading the advice again reaches is there and
 * does what it relies on: these tests fail when Spring renames or changes one, instead of
 * the advice staying stale after a reload.
 *
 * @author reload-spring-boot
 */
class MvcInternalsTests {

	@Test
	void adapterCachesAreFilledByTheMethodThatReadsTheAdvice() {
		RequestMappingHandlerAdapter adapter = new RequestMappingHandlerAdapter();
		StaticApplicationContext context = new StaticApplicationContext();
		context.refresh();
		adapter.setApplicationContext(context);
		adapter.afterPropertiesSet();
		assertThat((Map<?, ?>) ReflectionUtils.getField(MvcInternals.ADAPTER_INIT_BINDER_ADVICE, adapter)).isEmpty();
		assertThat((Map<?, ?>) ReflectionUtils.getField(MvcInternals.ADAPTER_MODEL_ATTRIBUTE_ADVICE, adapter))
			.isEmpty();
		List<?> bodyAdvice = (List<?>) ReflectionUtils.getField(MvcInternals.ADAPTER_BODY_ADVICE, adapter);
		int size = bodyAdvice.size();
		ReflectionUtils.invokeMethod(MvcInternals.ADAPTER_INIT_ADVICE, adapter);
		assertThat(bodyAdvice).hasSize(size);
	}

	@Test
	void resolverCachesAreFilledByTheMethodThatReadsTheAdvice() {
		ExceptionHandlerExceptionResolver resolver = new ExceptionHandlerExceptionResolver();
		StaticApplicationContext context = new StaticApplicationContext();
		context.refresh();
		resolver.setApplicationContext(context);
		resolver.afterPropertiesSet();
		assertThat((Map<?, ?>) ReflectionUtils.getField(MvcInternals.RESOLVER_EXCEPTION_HANDLER_ADVICE, resolver))
			.isEqualTo(resolver.getExceptionHandlerAdviceCache());
		assertThat((List<?>) ReflectionUtils.getField(MvcInternals.RESOLVER_BODY_ADVICE, resolver)).isNotNull();
		ReflectionUtils.invokeMethod(MvcInternals.RESOLVER_INIT_ADVICE, resolver);
		assertThat(resolver.getExceptionHandlerAdviceCache()).isEmpty();
	}

}
