package dev.reload.autoconfigure.web.servlet;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.reload.autoconfigure.engine.RequestGate;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactoryUtils;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Holds the {@link RequestGate} for the whole of a {@code DispatcherServlet}'s handler
 * lookup, and only for it, on every path: application controllers, actuator endpoints,
 * error dispatches, any handler mapping. Ordered first, it asks the dispatcher's other
 * handler mappings in the dispatcher's own order and returns the first handler found, so
 * the lookup never interleaves with a switch of beans and request mappings, and a slow
 * handler never holds up a reload or other requests.
 *
 * @author reload-spring-boot
 */
final class ReloadGateHandlerMapping implements HandlerMapping, Ordered {

	private final RequestGate gate;

	private final ApplicationContext context;

	/**
	 * The handler mappings of each dispatcher's context, as the dispatcher finds them.
	 */
	private final Map<ApplicationContext, List<HandlerMapping>> mappings = new ConcurrentHashMap<>();

	ReloadGateHandlerMapping(RequestGate gate, ApplicationContext context) {
		this.gate = gate;
		this.context = context;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public @Nullable HandlerExecutionChain getHandler(HttpServletRequest request) throws Exception {
		List<HandlerMapping> delegates = this.mappings.computeIfAbsent(dispatcherContext(request), this::mappingsOf);
		try {
			return this.gate.duringLookup(() -> lookup(delegates, request));
		}
		catch (LookupFailure failure) {
			throw failure.exception;
		}
	}

	private ApplicationContext dispatcherContext(HttpServletRequest request) {
		Object context = request.getAttribute(DispatcherServlet.WEB_APPLICATION_CONTEXT_ATTRIBUTE);
		return (context instanceof ApplicationContext dispatcher) ? dispatcher : this.context;
	}

	private List<HandlerMapping> mappingsOf(ApplicationContext context) {
		// what DispatcherServlet detects by default, in its order
		List<HandlerMapping> found = new ArrayList<>(
				BeanFactoryUtils.beansOfTypeIncludingAncestors(context, HandlerMapping.class, true, false).values());
		found.remove(this);
		AnnotationAwareOrderComparator.sort(found);
		return List.copyOf(found);
	}

	private static @Nullable HandlerExecutionChain lookup(List<HandlerMapping> delegates, HttpServletRequest request) {
		for (HandlerMapping mapping : delegates) {
			try {
				HandlerExecutionChain handler = mapping.getHandler(request);
				if (handler != null) {
					return handler;
				}
			}
			catch (Exception ex) {
				throw new LookupFailure(ex);
			}
		}
		return null;
	}

	/**
	 * A handler mapping's exception, carried out of the gate.
	 */
	private static final class LookupFailure extends RuntimeException {

		private final Exception exception;

		LookupFailure(Exception exception) {
			super(null, null, false, false);
			this.exception = exception;
		}

	}

}
