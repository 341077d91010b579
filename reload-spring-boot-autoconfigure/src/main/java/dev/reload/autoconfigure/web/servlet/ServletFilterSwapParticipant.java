package dev.reload.autoconfigure.web.servlet;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import dev.reload.BeanSwap;
import dev.reload.BeanSwapParticipant;
import dev.reload.autoconfigure.engine.RestartRequiredException;
import dev.reload.autoconfigure.web.HeldWebBeans;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import org.apache.catalina.Container;
import org.apache.catalina.core.ApplicationFilterConfig;
import org.apache.catalina.core.StandardContext;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.OrderUtils;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Makes the servlet container call a rebuilt servlet {@link Filter} bean. Spring Boot
 * registered each filter bean with the container at start-up, and the container calls the
 * instance it was given, so the old filter would otherwise go on filtering. On Tomcat,
 * the rebuilt filter is initialised with the filter's configuration (its name and init
 * parameters) before anything is switched, and the container's definition and
 * configuration of the filter are pointed at it at the switch, keeping its mappings and
 * its place in the chain; undoing the switch points them back. The old instance is
 * destroyed with the replaced bean.
 * <p>
 * A filter bean added or removed, one whose order changed (the container was given the
 * filters in order), and any filter on another servlet container need a restart.
 *
 * @author reload-spring-boot
 */
final class ServletFilterSwapParticipant implements BeanSwapParticipant, Ordered {

	private static final String TOMCAT_WEB_SERVER = "org.springframework.boot.tomcat.TomcatWebServer";

	private static final String HELD = "a servlet Filter, which the servlet container registered at start-up";

	private final ApplicationContext context;

	private final boolean tomcatPresent;

	ServletFilterSwapParticipant(ApplicationContext context) {
		Assert.notNull(context, "'context' must not be null");
		this.context = context;
		this.tomcatPresent = ClassUtils.isPresent(TOMCAT_WEB_SERVER, context.getClassLoader());
	}

	@Override
	public int getOrder() {
		return HeldWebBeans.REFUSAL_ORDER;
	}

	@Override
	public Switch prepare(List<BeanSwap> swaps) {
		List<BeanSwap> filters = swaps.stream()
			.filter((swap) -> isFilter(swap.previous()) || isFilter(swap.next()))
			.toList();
		if (filters.isEmpty()) {
			return Switch.none();
		}
		Set<String> refused = new TreeSet<>();
		for (BeanSwap swap : filters) {
			String reason = refusal(swap);
			if (reason != null) {
				refused.add(RestartRequiredException.bean(swap.beanName(), reason));
			}
		}
		if (!refused.isEmpty()) {
			throw RestartRequiredException.rebuilding(refused,
					"a new instance would never be called while the old one kept running");
		}
		return TomcatFilters.prepare(tomcat(), filters);
	}

	private @Nullable String refusal(BeanSwap swap) {
		// a bean whose class became, or stopped being, a filter counts as one added or
		// removed
		if (!isFilter(swap.previous())) {
			return HELD + ", added";
		}
		if (!isFilter(swap.next())) {
			return HELD + ", removed";
		}
		if (tomcat() == null) {
			return HELD;
		}
		if (order(swap.previous()) != order(swap.next())) {
			return HELD + ", in another order";
		}
		return null;
	}

	private @Nullable WebServer tomcat() {
		if (this.tomcatPresent && this.context instanceof WebServerApplicationContext web) {
			WebServer server = web.getWebServer();
			if (server != null && TOMCAT_WEB_SERVER.equals(server.getClass().getName())) {
				return server;
			}
		}
		return null;
	}

	private static boolean isFilter(@Nullable Object bean) {
		// a registration bean is refused as held: its filter is not a bean
		return bean instanceof Filter && !(bean instanceof ServletContextInitializer);
	}

	private static int order(Object bean) {
		if (bean instanceof Ordered ordered) {
			return ordered.getOrder();
		}
		return OrderUtils.getOrder(bean.getClass(), Ordered.LOWEST_PRECEDENCE);
	}

	/**
	 * Tomcat's part, in a class of its own, loaded only when Tomcat serves.
	 */
	private static final class TomcatFilters {

		/**
		 * Tomcat's configuration of a filter, which each request's filter chain asks for
		 * its filter, holds the instance in a private field; its definition's instance is
		 * public, but only read when the configuration is made.
		 */
		private static final Field CONFIGURED_FILTER = field();

		private static Field field() {
			Field field = ReflectionUtils.findField(ApplicationFilterConfig.class, "filter", Filter.class);
			Assert.state(field != null, "Tomcat's ApplicationFilterConfig has no field 'filter' of type Filter, "
					+ "which reload-spring-boot needs to switch a rebuilt servlet filter in");
			ReflectionUtils.makeAccessible(field);
			return field;
		}

		static Switch prepare(@Nullable WebServer server, List<BeanSwap> filters) {
			Assert.state(server != null, "Tomcat must serve");
			List<RegisteredFilter> registered = new ArrayList<>();
			for (Container child : ((TomcatWebServer) server).getTomcat().getHost().findChildren()) {
				if (child instanceof StandardContext context) {
					for (FilterDef definition : context.findFilterDefs()) {
						for (BeanSwap swap : filters) {
							if (definition.getFilter() == swap.previous()) {
								registered.add(registered(context, definition, swap));
							}
						}
					}
				}
			}
			return new Switch() {

				@Override
				public void apply() {
					registered.forEach((filter) -> filter.use(filter.next()));
				}

				@Override
				public void undo() {
					registered.forEach((filter) -> filter.use(filter.previous()));
				}

				@Override
				public void retire() {
					// Tomcat destroys the filter it holds at shutdown, the last instance;
					// a replaced one, once its requests are done (a DisposableBean is
					// destroyed by Spring then)
					registered.forEach((filter) -> {
						if (!(filter.previous() instanceof DisposableBean)) {
							filter.previous().destroy();
						}
					});
				}

			};
		}

		private static RegisteredFilter registered(StandardContext context, FilterDef definition, BeanSwap swap) {
			FilterConfig config = context.findFilterConfig(definition.getFilterName());
			Assert.state(config instanceof ApplicationFilterConfig,
					() -> "Tomcat has no configuration of filter '" + definition.getFilterName() + "'");
			Filter next = (Filter) swap.next();
			try {
				// as the container did with the old one, before it filters anything
				next.init(config);
			}
			catch (ServletException ex) {
				throw new IllegalStateException(
						"Filter '" + definition.getFilterName() + "' failed to initialise: " + ex.getMessage(), ex);
			}
			return new RegisteredFilter(definition, (ApplicationFilterConfig) config, (Filter) swap.previous(), next);
		}

		/**
		 * A filter as Tomcat registered it, and its old and new instances.
		 */
		private record RegisteredFilter(FilterDef definition, ApplicationFilterConfig config, Filter previous,
				Filter next) {

			void use(Filter filter) {
				this.definition.setFilter(filter);
				ReflectionUtils.setField(CONFIGURED_FILTER, this.config, filter);
			}

		}

	}

}
