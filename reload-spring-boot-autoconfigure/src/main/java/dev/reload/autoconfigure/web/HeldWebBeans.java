package dev.reload.autoconfigure.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.reload.BeanSwap;
import dev.reload.BeanSwapParticipant;
import dev.reload.autoconfigure.engine.RestartRequiredException;
import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;
import org.springframework.util.ClassUtils;

/**
 * Refuses, as needing a restart, a reload that rebuilds, adds or removes a bean the web
 * stack took in once at start-up and keeps using: servlets, servlet listeners and
 * registration beans, which the servlet container registered, {@code WebFluxConfigurer}s,
 * which Spring WebFlux called once, argument resolvers and message converters, which the
 * handler adapter holds. A rebuilt instance of one of them would never be called: the old
 * code would keep running beside the new. The restart fallback applies the change
 * instead. (Converter and formatter beans, which the conversion service holds, are
 * switched in place by {@link ConverterBeanSwapParticipant}; servlet filters on Tomcat,
 * handler interceptors and the {@code WebMvcConfigurer}s that register them, by the
 * servlet participants for them; reactive web filters by the reactive one.)
 *
 * @author reload-spring-boot
 */
public final class HeldWebBeans implements BeanSwapParticipant, Ordered {

	/**
	 * The order of this participant and of those that may refuse a change for a restart
	 * as they prepare: before any participant prepares work that a restart would throw
	 * away.
	 */
	public static final int REFUSAL_ORDER = Ordered.HIGHEST_PRECEDENCE - 1;

	private static final Map<String, String> SERVLET;

	private static final Map<String, String> REACTIVE;

	static {
		Map<String, String> servlet = new LinkedHashMap<>();
		servlet.put("jakarta.servlet.Servlet", "a Servlet, which the servlet container registered at start-up");
		servlet.put("jakarta.servlet.ServletContextListener",
				"a servlet listener, which the servlet container registered at start-up");
		servlet.put("jakarta.servlet.ServletRequestListener",
				"a servlet listener, which the servlet container registered at start-up");
		servlet.put("jakarta.servlet.http.HttpSessionListener",
				"a servlet listener, which the servlet container registered at start-up");
		servlet.put("org.springframework.boot.web.servlet.ServletContextInitializer",
				"a servlet registration bean, which the servlet container applied at start-up");
		servlet.put("org.springframework.web.method.support.HandlerMethodArgumentResolver",
				"an argument resolver, which the handler adapter holds from start-up");
		servlet.put("org.springframework.web.method.support.HandlerMethodReturnValueHandler",
				"a return value handler, which the handler adapter holds from start-up");
		servlet.put("org.springframework.http.converter.HttpMessageConverter",
				"an HTTP message converter, which the handler adapter holds from start-up");
		servlet.put("org.springframework.web.servlet.HandlerExceptionResolver",
				"an exception resolver, which the DispatcherServlet looked up at start-up");
		servlet.put("org.springframework.web.servlet.LocaleResolver",
				"a locale resolver, which the DispatcherServlet looked up at start-up");
		servlet.put("org.springframework.web.servlet.ViewResolver",
				"a view resolver, which the DispatcherServlet looked up at start-up");
		servlet.put("org.springframework.web.servlet.HandlerMapping",
				"a handler mapping, which the DispatcherServlet looked up at start-up");
		servlet.put("org.springframework.web.servlet.HandlerAdapter",
				"a handler adapter, which the DispatcherServlet looked up at start-up");
		SERVLET = Map.copyOf(servlet);
		Map<String, String> reactive = new LinkedHashMap<>();
		reactive.put("org.springframework.web.server.WebExceptionHandler",
				"a WebExceptionHandler, which the HTTP handler holds from start-up");
		reactive.put("org.springframework.web.reactive.config.WebFluxConfigurer",
				"a WebFluxConfigurer, which Spring WebFlux called once at start-up");
		reactive.put("org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver",
				"an argument resolver, which the handler adapter holds from start-up");
		reactive.put("org.springframework.http.codec.HttpMessageReader",
				"an HTTP message reader, which the codecs hold from start-up");
		reactive.put("org.springframework.http.codec.HttpMessageWriter",
				"an HTTP message writer, which the codecs hold from start-up");
		reactive.put("org.springframework.web.reactive.HandlerMapping",
				"a handler mapping, which the DispatcherHandler looked up at start-up");
		reactive.put("org.springframework.web.reactive.HandlerAdapter",
				"a handler adapter, which the DispatcherHandler looked up at start-up");
		reactive.put("org.springframework.web.reactive.HandlerResultHandler",
				"a result handler, which the DispatcherHandler looked up at start-up");
		REACTIVE = Map.copyOf(reactive);
	}

	private final Map<Class<?>, String> types;

	private HeldWebBeans(Map<String, String> typeNames, @Nullable ClassLoader classLoader) {
		Map<Class<?>, String> types = new LinkedHashMap<>();
		typeNames.forEach((name, description) -> {
			if (ClassUtils.isPresent(name, classLoader)) {
				types.put(ClassUtils.resolveClassName(name, classLoader), description);
			}
		});
		this.types = types;
	}

	/**
	 * Return the participant for a servlet web application.
	 * @param classLoader the application's class loader
	 * @return the participant
	 */
	public static HeldWebBeans servlet(@Nullable ClassLoader classLoader) {
		return new HeldWebBeans(SERVLET, classLoader);
	}

	/**
	 * Return the participant for a reactive web application.
	 * @param classLoader the application's class loader
	 * @return the participant
	 */
	public static HeldWebBeans reactive(@Nullable ClassLoader classLoader) {
		return new HeldWebBeans(REACTIVE, classLoader);
	}

	@Override
	public int getOrder() {
		return REFUSAL_ORDER;
	}

	@Override
	public Switch prepare(List<BeanSwap> swaps) {
		Set<String> held = new TreeSet<>();
		for (BeanSwap swap : swaps) {
			String kind = kind(swap.previous());
			if (kind == null) {
				kind = kind(swap.next());
			}
			if (kind != null) {
				held.add(RestartRequiredException.bean(swap.beanName(), kind));
			}
		}
		if (!held.isEmpty()) {
			throw RestartRequiredException.rebuilding(held,
					"a new instance would never be called while the old one kept running");
		}
		return Switch.none();
	}

	private @Nullable String kind(@Nullable Object bean) {
		if (bean == null) {
			return null;
		}
		for (Map.Entry<Class<?>, String> type : this.types.entrySet()) {
			if (type.getKey().isInstance(bean)) {
				return type.getValue();
			}
		}
		return null;
	}

}
