package dev.reload.autoconfigure.web.servlet;

import java.io.IOException;

import dev.reload.autoconfigure.engine.ReloadEngine;
import dev.reload.autoconfigure.engine.RequestGate;
import dev.reload.autoconfigure.web.ReloadEndpointRequests;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Applies a detected change before the request's handler is looked up, so that the
 * request that follows a change is served by the new code, new and removed mappings
 * included. It counts the request in the {@link RequestGate} until it is done, so that
 * beans a switch replaces outlive the requests that may use them; the gate itself is held
 * only by {@link ReloadGateHandlerMapping}, during the handler lookup. Requests to the
 * {@code reload} endpoint are not checked: the endpoint reloads and reports itself.
 *
 * @author reload-spring-boot
 */
final class ReloadRequestFilter extends OncePerRequestFilter {

	static final String PASS_ATTRIBUTE = ReloadRequestFilter.class.getName() + ".pass";

	private final ReloadEngine engine;

	private final RequestGate gate;

	private final @Nullable ReloadEndpointRequests endpointRequests;

	ReloadRequestFilter(ReloadEngine engine, RequestGate gate, @Nullable ReloadEndpointRequests endpointRequests) {
		this.engine = engine;
		this.gate = gate;
		this.endpointRequests = endpointRequests;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (this.engine.needsAttention() && (this.endpointRequests == null || !this.endpointRequests
			.matches(request.getRequestURI().substring(request.getContextPath().length())))) {
			this.engine.beforeRequest();
		}
		try (RequestGate.Pass pass = this.gate.arrive()) {
			request.setAttribute(PASS_ATTRIBUTE, pass);
			try {
				chain.doFilter(request, response);
			}
			finally {
				request.removeAttribute(PASS_ATTRIBUTE);
			}
		}
	}

}
