package dev.reload.it;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.DocumentContext;
import dev.reload.testsupport.SourceCompiler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Beans the web stack took in at start-up: a servlet {@code Filter}, which Tomcat holds,
 * a handler interceptor and the {@code WebMvcConfigurer} that registers it, which the
 * handler mappings hold, and a formatter, which the conversion service holds through an
 * adapter, are switched in place. Where that would not give what a restart gives (a
 * filter's order, a formatted type, a configurer registering otherwise or with another
 * callback changed), the change is refused as needing a restart (unavailable under a test
 * framework, so the reload fails), and all of the application keeps running the old code,
 * instead of a {@code RELOADED} after which the old instance keeps being called. An
 * unrelated change still reloads in place.
 *
 * @author reload-spring-boot
 */
class HeldWebBeansIntegrationTests {

	private static final String FILTER = FixtureSources.PACKAGE + "StampFilter";

	private static final String INTERCEPTOR = FixtureSources.PACKAGE + "StampInterceptor";

	private static final String FORMATTER = FixtureSources.PACKAGE + "PointFormatter";

	private static final String CONFIGURER = FixtureSources.PACKAGE + "StampConfigurer";

	private static final String REGISTRATION = "registry.addInterceptor(this.interceptor).addPathPatterns(\"/point\");";

	private static final String DESTROYED = "reload.it.plain-filter.destroyed";

	@TempDir
	Path classes;

	private RunningApplication app;

	@BeforeEach
	void start() {
		Map<String, String> sources = new LinkedHashMap<>(FixtureSources.initial());
		sources.putAll(filter("filtered"));
		sources.putAll(plainFilter("first"));
		System.clearProperty(DESTROYED);
		sources.putAll(interceptor("intercepted"));
		sources.putAll(formatter("("));
		sources.putAll(SourceCompiler.of(FixtureSources.PACKAGE + "Point", """
				package dev.reload.it.fixture.app;

				public record Point(int x, int y) {
				}
				""", FixtureSources.PACKAGE + "PointController", """
				package dev.reload.it.fixture.app;

				import org.springframework.web.bind.annotation.GetMapping;
				import org.springframework.web.bind.annotation.RequestParam;
				import org.springframework.web.bind.annotation.RestController;

				@RestController
				public class PointController {
					@GetMapping("/point")
					public String point(@RequestParam("at") Point point) {
						return point.x() + "+" + point.y();
					}
				}
				"""));
		sources.putAll(configurer(REGISTRATION, ""));
		SourceCompiler.compile(this.classes, sources);
		this.app = RunningApplication.start(this.classes);
		assertThat(this.app.get("/point?at=(1,2)").body()).isEqualTo("1+2");
		assertThat(this.app.get("/point?at=(1,2)").headers().allValues("X-Stamp")).containsExactly("filtered",
				"intercepted");
	}

	@AfterEach
	void stop() {
		this.app.close();
	}

	@Test
	void changedFilterReloadsInPlaceInitialisedWithTheFiltersConfiguration() {
		// the rebuilt filter reads the configuration Tomcat initialises it with
		SourceCompiler.compile(this.classes, filter("refiltered as \" + getFilterConfig().getFilterName() + \""));
		DocumentContext report = this.app.reloadNow();
		assertThat(report.read("$.outcome", String.class)).isEqualTo("RELOADED");
		assertThat(report.read("$.rebuiltBeans", List.class)).containsExactly("stampFilter");
		assertThat(this.app.get("/point?at=(1,2)").headers().allValues("X-Stamp"))
			.containsExactly("refiltered as stampFilter", "intercepted");
		// and back
		assertThat(this.app.post("/actuator/reload/rollback").statusCode()).isEqualTo(200);
		assertThat(this.app.get("/point?at=(1,2)").headers().allValues("X-Stamp")).containsExactly("filtered",
				"intercepted");
	}

	@Test
	void filterInAnotherOrderNeedsARestartAndTheOldFilterKeepsServing() {
		SourceCompiler.compile(this.classes, Map.of(FILTER, filter("refiltered").get(FILTER)
			.replace("@Component", "@Component @org.springframework.core.annotation.Order(5)")));
		assertNeedsRestart(this.app.reloadNow(),
				"'stampFilter' (a servlet Filter, which the servlet container registered at start-up, in another order)");
		assertThat(this.app.get("/point?at=(1,2)").headers().allValues("X-Stamp")).containsExactly("filtered",
				"intercepted");
	}

	@Test
	void changedInterceptorReloadsInPlaceWithTheConfigurerThatRegisteredIt() {
		SourceCompiler.compile(this.classes, interceptor("reintercepted"));
		DocumentContext report = this.app.reloadNow();
		assertThat(report.read("$.outcome", String.class)).isEqualTo("RELOADED");
		assertThat(report.read("$.rebuiltBeans", List.class)).containsExactlyInAnyOrder("stampConfigurer",
				"stampInterceptor");
		assertThat(this.app.get("/point?at=(1,2)").headers().allValues("X-Stamp")).containsExactly("filtered",
				"reintercepted");
		// still only where it was registered
		assertThat(this.app.get("/colour").headers().allValues("X-Stamp")).containsExactly("filtered");
		// and back
		assertThat(this.app.post("/actuator/reload/rollback").statusCode()).isEqualTo(200);
		assertThat(this.app.get("/point?at=(1,2)").headers().allValues("X-Stamp")).containsExactly("filtered",
				"intercepted");
	}

	@Test
	void configurerRegisteringOtherwiseNeedsARestartAndTheOldInterceptorKeepsServing() {
		SourceCompiler.compile(this.classes,
				configurer("registry.addInterceptor(this.interceptor).addPathPatterns(\"/colour\");", ""));
		assertNeedsRestart(this.app.reloadNow(),
				"'stampConfigurer' (a WebMvcConfigurer, which Spring MVC called once at start-up, registering other interceptors now)");
		assertThat(this.app.get("/point?at=(1,2)").headers().allValues("X-Stamp")).containsExactly("filtered",
				"intercepted");
	}

	@Test
	void configurerWithAnotherCallbackNeedsARestart() {
		SourceCompiler.compile(this.classes, configurer(REGISTRATION,
				"""
						@Override
						public void addViewControllers(org.springframework.web.servlet.config.annotation.ViewControllerRegistry registry) {
						}
						"""));
		assertNeedsRestart(this.app.reloadNow(),
				"'stampConfigurer' (a WebMvcConfigurer, which Spring MVC called once at start-up)");
	}

	@Test
	void interceptorTheConfigurerMakesItselfNeedsARestart() {
		SourceCompiler.compile(this.classes,
				configurer("registry.addInterceptor(new StampInterceptor()).addPathPatterns(\"/point\");", ""));
		assertNeedsRestart(this.app.reloadNow(), "registering other interceptors now");
	}

	@Test
	void changedFormatterReloadsInPlaceAndConvertsOnTheNextRequest() {
		SourceCompiler.compile(this.classes, formatter("~"));
		DocumentContext report = this.app.reloadNow();
		assertThat(report.read("$.outcome", String.class)).isEqualTo("RELOADED");
		assertThat(report.read("$.rebuiltBeans", List.class)).containsExactly("pointFormatter");
		assertThat(this.app.get("/point?at=~1,2)").body()).isEqualTo("1+2");
		assertThat(this.app.get("/point?at=(1,2)").statusCode()).isEqualTo(400);
		// and back
		assertThat(this.app.post("/actuator/reload/rollback").statusCode()).isEqualTo(200);
		assertThat(this.app.get("/point?at=(1,2)").body()).isEqualTo("1+2");
		assertThat(this.app.get("/point?at=~1,2)").statusCode()).isEqualTo(400);
	}

	@Test
	void formatterOfAChangedTypeNeedsARestartAndTheOldOneKeepsConverting() {
		SourceCompiler.compile(this.classes, SourceCompiler.of(FixtureSources.PACKAGE + "Point", """
				package dev.reload.it.fixture.app;

				public record Point(int x, int y) {
					public int sum() {
						return this.x + this.y;
					}
				}
				"""));
		assertNeedsRestart(this.app.reloadNow(), "'pointFormatter' (a converter or formatter of other types");
		assertThat(this.app.get("/point?at=(1,2)").body()).isEqualTo("1+2");
	}

	@Test
	void unrelatedChangeStillReloadsInPlace() {
		SourceCompiler.compile(this.classes, FixtureSources.colours("blue"));
		assertThat(this.app.reloadNow().read("$.outcome", String.class)).isEqualTo("RELOADED");
		assertThat(this.app.get("/colour").body()).isEqualTo("the color is blue");
		assertThat(this.app.get("/point?at=(1,2)").headers().allValues("X-Stamp")).containsExactly("filtered",
				"intercepted");
	}

	private void assertNeedsRestart(DocumentContext report, String bean) {
		assertThat(report.read("$.outcome", String.class)).isEqualTo("FAILED");
		assertThat(report.read("$.generation", Integer.class)).isZero();
		assertThat(report.read("$.error", String.class)).contains("need a restart").contains(bean);
	}

	@Test
	void replacedPlainFilterIsDestroyedOnceItsRequestsAreDone() {
		SourceCompiler.compile(this.classes, plainFilter("second"));
		DocumentContext report = this.app.reloadNow();
		assertThat(report.read("$.outcome", String.class)).isEqualTo("RELOADED");
		assertThat(report.read("$.rebuiltBeans", List.class)).containsExactly("plainFilter");
		assertThat(this.app.get("/point?at=(1,2)").body()).isEqualTo("1+2");
		// Spring does not destroy a filter that is not a DisposableBean; Tomcat destroys
		// the one it holds at shutdown
		await().atMost(Duration.ofSeconds(20)).until(() -> System.getProperty(DESTROYED) != null);
		assertThat(System.getProperty(DESTROYED)).isEqualTo("first");
	}

	private static Map<String, String> plainFilter(String version) {
		return SourceCompiler.of(FixtureSources.PACKAGE + "PlainFilter", """
				package dev.reload.it.fixture.app;

				import java.io.IOException;

				import jakarta.servlet.Filter;
				import jakarta.servlet.FilterChain;
				import jakarta.servlet.ServletException;
				import jakarta.servlet.ServletRequest;
				import jakarta.servlet.ServletResponse;

				import org.springframework.stereotype.Component;

				@Component
				public class PlainFilter implements Filter {
					@Override
					public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
							throws IOException, ServletException {
						chain.doFilter(request, response);
					}

					@Override
					public void destroy() {
						System.setProperty("%s", "%s");
					}
				}
				""".formatted(DESTROYED, version));
	}

	private static Map<String, String> filter(String stamp) {
		return SourceCompiler.of(FILTER, """
				package dev.reload.it.fixture.app;

				import java.io.IOException;

				import jakarta.servlet.FilterChain;
				import jakarta.servlet.ServletException;
				import jakarta.servlet.http.HttpServletRequest;
				import jakarta.servlet.http.HttpServletResponse;

				import org.springframework.stereotype.Component;
				import org.springframework.web.filter.OncePerRequestFilter;

				@Component
				public class StampFilter extends OncePerRequestFilter {
					@Override
					protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
							FilterChain chain) throws ServletException, IOException {
						response.addHeader("X-Stamp", "%s");
						chain.doFilter(request, response);
					}
				}
				""".formatted(stamp));
	}

	private static Map<String, String> interceptor(String stamp) {
		return SourceCompiler.of(INTERCEPTOR, """
				package dev.reload.it.fixture.app;

				import jakarta.servlet.http.HttpServletRequest;
				import jakarta.servlet.http.HttpServletResponse;

				import org.springframework.stereotype.Component;
				import org.springframework.web.servlet.HandlerInterceptor;

				@Component
				public class StampInterceptor implements HandlerInterceptor {
					@Override
					public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
						response.addHeader("X-Stamp", "%s");
						return true;
					}
				}
				""".formatted(stamp));
	}

	/** A configurer of the stamp interceptor, registering it as given. */
	private static Map<String, String> configurer(String registration, String more) {
		return SourceCompiler.of(CONFIGURER, """
				package dev.reload.it.fixture.app;

				import org.springframework.stereotype.Component;
				import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
				import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

				@Component
				public class StampConfigurer implements WebMvcConfigurer {
					private final StampInterceptor interceptor;

					public StampConfigurer(StampInterceptor interceptor) {
						this.interceptor = interceptor;
					}

					@Override
					public void addInterceptors(InterceptorRegistry registry) {
						%s
					}

					%s
				}
				""".formatted(registration, more));
	}

	/** A formatter of points written as {@code <open>x,y)}. */
	private static Map<String, String> formatter(String open) {
		return SourceCompiler.of(FORMATTER, """
				package dev.reload.it.fixture.app;

				import java.util.Locale;

				import org.springframework.format.Formatter;
				import org.springframework.stereotype.Component;

				@Component
				public class PointFormatter implements Formatter<Point> {
					@Override
					public Point parse(String text, Locale locale) {
						if (!text.startsWith("%1$s") || !text.endsWith(")")) {
							throw new IllegalArgumentException("not a point: " + text);
						}
						String[] parts = text.substring(1, text.length() - 1).split(",");
						return new Point(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
					}

					@Override
					public String print(Point point, Locale locale) {
						return "%1$s" + point.x() + "," + point.y() + ")";
					}
				}
				""".formatted(open));
	}

}
