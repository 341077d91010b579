package dev.reload.autoconfigure.web.reactive;

import dev.reload.autoconfigure.engine.ReloadEngine;
import dev.reload.autoconfigure.engine.RequestGate;
import dev.reload.autoconfigure.web.ReloadEndpointRequests;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * The Spring WebFlux counterpart of Apache2::Reload's {@code PerlInitHandler}: applies a
 * detected change before the request's handler is looked up, so that the request that
 * follows a change is served by the new code. Waiting for the change blocks, so it runs
 * on a thread meant for blocking, never on the event loop, and only when a change was
 * detected; otherwise the check is one volatile read. The request then holds the
 * {@link RequestGate} while the rest of the chain subscribes, which is when the handler
 * is looked up, and is counted until it completes, so that replaced beans are destroyed
 * only after it.
 *
 * @author reload-spring-boot
 */
final class ReloadWebFilter implements WebFilter, Ordered {

	private final ReloadEngine engine;

	private final RequestGate gate;

	private final @Nullable ReloadEndpointRequests endpointRequests;

	ReloadWebFilter(ReloadEngine engine, RequestGate gate, @Nullable ReloadEndpointRequests endpointRequests) {
		this.engine = engine;
		this.gate = gate;
		this.endpointRequests = endpointRequests;
	}

	@Override
	public int getOrder() {
		// first: the check must come before anything looks up a handler
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		Mono<Void> throughGate = Mono.from(throughGate(exchange, chain));
		if (this.engine.needsAttention() && !isEndpointRequest(exchange)) {
			return Mono.fromRunnable(this.engine::beforeRequest)
				.subscribeOn(Schedulers.boundedElastic())
				.then(throughGate);
		}
		return throughGate;
	}

	private boolean isEndpointRequest(ServerWebExchange exchange) {
		return this.endpointRequests != null
				&& this.endpointRequests.matches(exchange.getRequest().getPath().pathWithinApplication().value());
	}

	private Publisher<Void> throughGate(ServerWebExchange exchange, WebFilterChain chain) {
		return (subscriber) -> {
			RequestGate.Pass pass = this.gate.enter();
			try {
				chain.filter(exchange).doFinally((signal) -> pass.close()).subscribe(subscriber);
			}
			finally {
				// the handler lookup happened while subscribing, on this thread
				pass.handlerFound();
			}
		};
	}

}
