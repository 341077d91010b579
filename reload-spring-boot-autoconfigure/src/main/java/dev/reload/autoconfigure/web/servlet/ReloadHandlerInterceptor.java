package dev.reload.autoconfigure.web.servlet;

import dev.reload.autoconfigure.engine.ReloadEngine;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The Spring MVC counterpart of Apache2::Reload's {@code PerlInitHandler}: it checks for
 * changes at the start of every request handled by Spring MVC. It runs after handler
 * lookup, so {@link ReloadRequestFilter} makes the same check before the lookup; this one
 * covers requests that did not pass the filter (a {@code MockMvc} set up without
 * filters).
 *
 * @author reload-spring-boot
 */
final class ReloadHandlerInterceptor implements HandlerInterceptor {

	private final ReloadEngine engine;

	ReloadHandlerInterceptor(ReloadEngine engine) {
		this.engine = engine;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (request.getAttribute(ReloadRequestFilter.PASS_ATTRIBUTE) == null) {
			this.engine.beforeRequest();
		}
		return true;
	}

}
