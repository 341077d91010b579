package dev.reload.autoconfigure.web.reactive;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.reload.BeanSwap;
import dev.reload.BeanSwapParticipant;
import dev.reload.autoconfigure.engine.RestartRequiredException;
import dev.reload.autoconfigure.scope.SpringInternals;
import dev.reload.autoconfigure.web.HeldWebBeans;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.OrderUtils;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.util.Assert;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebHandler;
import org.springframework.web.server.handler.DefaultWebFilterChain;
import org.springframework.web.server.handler.FilteringWebHandler;
import org.springframework.web.server.handler.WebHandlerDecorator;

/**
 * Makes Spring WebFlux call a rebuilt {@link WebFilter} bean. The HTTP handler was built
 * at start-up with the filter beans, in order, as a chain of links that each hold one
 * filter, and every link the list of them all; at the switch, the links that hold a
 * replaced filter hold its rebuilt instance, keeping its place, and the list names the
 * rebuilt instances; undoing the switch points them back.
 * <p>
 * A filter bean added or removed, one whose order changed, and a filter the chain does
 * not hold as it is need a restart.
 *
 * @author reload-spring-boot
 */
final class WebFilterSwapParticipant implements BeanSwapParticipant, Ordered {

	private static final String WHY = "to make the HTTP handler's filter chain call a rebuilt WebFilter";

	private static final Field CHAIN = SpringInternals.field(FilteringWebHandler.class, "chain",
			DefaultWebFilterChain.class, WHY);

	private static final Field ALL_FILTERS = SpringInternals.field(DefaultWebFilterChain.class, "allFilters",
			List.class, WHY);

	private static final Field CURRENT_FILTER = SpringInternals.field(DefaultWebFilterChain.class, "currentFilter",
			WebFilter.class, WHY);

	private static final Field NEXT_LINK = SpringInternals.field(DefaultWebFilterChain.class, "chain",
			DefaultWebFilterChain.class, WHY);

	private static final String HELD = "a WebFilter, which the HTTP handler holds from start-up";

	private final ApplicationContext context;

	WebFilterSwapParticipant(ApplicationContext context) {
		Assert.notNull(context, "'context' must not be null");
		this.context = context;
	}

	@Override
	public int getOrder() {
		return HeldWebBeans.REFUSAL_ORDER;
	}

	@Override
	public Switch prepare(List<BeanSwap> swaps) {
		List<BeanSwap> filters = swaps.stream()
			.filter((swap) -> swap.previous() instanceof WebFilter || swap.next() instanceof WebFilter)
			.toList();
		if (filters.isEmpty()) {
			return Switch.none();
		}
		List<DefaultWebFilterChain> links = links();
		Map<WebFilter, WebFilter> replacements = new IdentityHashMap<>();
		Set<String> refused = new TreeSet<>();
		for (BeanSwap swap : filters) {
			String reason = refusal(swap, links);
			if (reason != null) {
				refused.add(RestartRequiredException.bean(swap.beanName(), reason));
			}
			else {
				replacements.put((WebFilter) swap.previous(), (WebFilter) swap.next());
			}
		}
		if (!refused.isEmpty()) {
			throw RestartRequiredException.rebuilding(refused,
					"a new instance would never be called while the old one kept running");
		}
		return new FilterChainSwitch(links, replacements);
	}

	private @Nullable String refusal(BeanSwap swap, List<DefaultWebFilterChain> links) {
		// a bean whose class became, or stopped being, a filter counts as one added or
		// removed
		if (!(swap.previous() instanceof WebFilter previous)) {
			return HELD + ", added";
		}
		if (!(swap.next() instanceof WebFilter next)) {
			return HELD + ", removed";
		}
		if (order(previous) != order(next)) {
			return HELD + ", in another order";
		}
		for (DefaultWebFilterChain link : links) {
			if (ReflectionUtils.getField(CURRENT_FILTER, link) == previous) {
				return null;
			}
		}
		// wrapped, or in a handler other than Spring's
		return HELD + ", but not where the reload can find it";
	}

	/**
	 * Return the links of the HTTP handler's filter chain, first to last, or none if the
	 * handler is not one Spring WebFlux built.
	 */
	private List<DefaultWebFilterChain> links() {
		HttpHandler httpHandler = this.context.getBeanProvider(HttpHandler.class).getIfUnique();
		Object handler = httpHandler;
		while (handler instanceof WebHandlerDecorator decorator && !(handler instanceof FilteringWebHandler)) {
			handler = decorator.getDelegate();
		}
		List<DefaultWebFilterChain> links = new ArrayList<>();
		if (handler instanceof FilteringWebHandler filtering) {
			for (Object link = ReflectionUtils.getField(CHAIN,
					filtering); link instanceof DefaultWebFilterChain chain; link = ReflectionUtils.getField(NEXT_LINK,
							chain)) {
				links.add(chain);
			}
		}
		return links;
	}

	private static int order(Object bean) {
		if (bean instanceof Ordered ordered) {
			return ordered.getOrder();
		}
		return OrderUtils.getOrder(bean.getClass(), Ordered.LOWEST_PRECEDENCE);
	}

	/**
	 * The links whose filters a switch replaces, with the filters before and after.
	 */
	private static final class FilterChainSwitch implements Switch {

		private final List<DefaultWebFilterChain> links;

		private final Map<DefaultWebFilterChain, WebFilter> previous = new IdentityHashMap<>();

		private final Map<DefaultWebFilterChain, WebFilter> next = new IdentityHashMap<>();

		private final List<?> previousAll;

		private final List<WebFilter> nextAll;

		FilterChainSwitch(List<DefaultWebFilterChain> links, Map<WebFilter, WebFilter> replacements) {
			this.links = links;
			for (DefaultWebFilterChain link : links) {
				Object filter = ReflectionUtils.getField(CURRENT_FILTER, link);
				WebFilter replacement = (filter != null) ? replacements.get(filter) : null;
				if (replacement != null) {
					this.previous.put(link, (WebFilter) filter);
					this.next.put(link, replacement);
				}
			}
			this.previousAll = (List<?>) ReflectionUtils.getField(ALL_FILTERS, links.get(0));
			List<WebFilter> all = new ArrayList<>();
			for (Object filter : this.previousAll) {
				all.add(replacements.getOrDefault(filter, (WebFilter) filter));
			}
			this.nextAll = Collections.unmodifiableList(all);
		}

		@Override
		public void apply() {
			// the last link holds the handler and no filter; every link shares the list
			this.next.forEach((link, filter) -> ReflectionUtils.setField(CURRENT_FILTER, link, filter));
			this.links.forEach((link) -> ReflectionUtils.setField(ALL_FILTERS, link, this.nextAll));
		}

		@Override
		public void undo() {
			this.previous.forEach((link, filter) -> ReflectionUtils.setField(CURRENT_FILTER, link, filter));
			this.links.forEach((link) -> ReflectionUtils.setField(ALL_FILTERS, link, this.previousAll));
		}

	}

}
