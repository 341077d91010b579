package dev.reload.it;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.DocumentContext;
import dev.reload.autoconfigure.web.RequestMappingSwapParticipant;
import dev.reload.testsupport.SourceCompiler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.web.server.reactive.context.ReactiveWebServerApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fixture application run on Spring WebFlux: a change is applied on the next request
 * by the web filter, rebuilt controllers are re-mapped in the reactive handler mapping,
 * and the endpoint reloads.
 *
 * @author reload-spring-boot
 */
class WebFluxIntegrationTests {

	@TempDir
	Path classes;

	RunningApplication app;

	@BeforeEach
	void startReactiveApplication() {
		Map<String, String> sources = new LinkedHashMap<>(FixtureSources.initial());
		sources.putAll(stampFilter("stamped", 0));
		SourceCompiler.compile(this.classes, sources);
		this.app = RunningApplication.startReactive(this.classes);
		assertThat(this.app.context()).isInstanceOf(ReactiveWebServerApplicationContext.class);
		assertThat(this.app.context().getBean(RequestMappingSwapParticipant.class)).isNotNull();
	}

	@AfterEach
	void stopReactiveApplication() {
		this.app.close();
	}

	@Test
	void nextRequestIsServedByTheChangedService() {
		assertThat(this.app.get("/greeting").body()).isEqualTo("hello");
		SourceCompiler.compile(this.classes, FixtureSources.helloGreeting("hello from webflux", ""));
		this.app.awaitChangeNoticed();
		assertThat(this.app.get("/greeting").body()).isEqualTo("hello from webflux");
		assertThat(this.app.status().read("$.lastReload.trigger", String.class)).isEqualTo("REQUEST");
		assertThat(this.app.status().read("$.lastReload.rebuiltBeans", List.class)).containsExactly("helloGreeting");
	}

	@Test
	void changedWebFilterReloadsInPlaceKeepingItsPlaceInTheChain() {
		assertThat(this.app.get("/greeting").headers().allValues("X-Stamp")).containsExactly("stamped");
		SourceCompiler.compile(this.classes, stampFilter("restamped", 0));
		DocumentContext report = this.app.reloadNow();
		assertThat(report.read("$.outcome", String.class)).as(report.jsonString()).isEqualTo("RELOADED");
		assertThat(report.read("$.rebuiltBeans", List.class)).containsExactly("stampFilter");
		HttpResponse<String> response = this.app.get("/greeting");
		assertThat(response.body()).isEqualTo("hello");
		assertThat(response.headers().allValues("X-Stamp")).containsExactly("restamped");
		assertThat(this.app.post("/actuator/reload/rollback").statusCode()).isEqualTo(200);
		assertThat(this.app.get("/greeting").headers().allValues("X-Stamp")).containsExactly("stamped");
	}

	@Test
	void webFilterInAnotherOrderNeedsARestart() {
		SourceCompiler.compile(this.classes, stampFilter("restamped", 5));
		DocumentContext report = this.app.reloadNow();
		assertThat(report.read("$.outcome", String.class)).isEqualTo("FAILED");
		assertThat(report.read("$.error", String.class)).contains("need a restart")
			.contains("'stampFilter' (a WebFilter, which the HTTP handler holds from start-up, in another order)");
		assertThat(this.app.get("/greeting").headers().allValues("X-Stamp")).containsExactly("stamped");
	}

	private static Map<String, String> stampFilter(String stamp, int order) {
		return SourceCompiler.of(FixtureSources.PACKAGE + "StampFilter", """
				package dev.reload.it.fixture.app;

				import reactor.core.publisher.Mono;

				import org.springframework.core.annotation.Order;
				import org.springframework.stereotype.Component;
				import org.springframework.web.server.ServerWebExchange;
				import org.springframework.web.server.WebFilter;
				import org.springframework.web.server.WebFilterChain;

				@Component
				@Order(%d)
				public class StampFilter implements WebFilter {
					@Override
					public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
						exchange.getResponse().getHeaders().add("X-Stamp", "%s");
						return chain.filter(exchange);
					}
				}
				""".formatted(order, stamp));
	}

	@Test
	void addedMappingIsServedAndRemovedMappingIsGone() {
		RequestMappingScenarios.addedMappingIsServedAndRemovedMappingIsGone(this.app, this.classes);
	}

	@Test
	void endpointReloadsAndAFailedReloadKeepsTheOldCodeServing() {
		SourceCompiler.compile(this.classes,
				FixtureSources.helloGreeting("broken", "throw new IllegalStateException(\"no\");"));
		assertThat(this.app.reloadNow().read("$.outcome", String.class)).isEqualTo("FAILED");
		assertThat(this.app.get("/greeting").body()).isEqualTo("hello");
		Map<String, String> fixed = new LinkedHashMap<>(FixtureSources.helloGreeting("fixed", ""));
		fixed.putAll(FixtureSources.colours("teal"));
		SourceCompiler.compile(this.classes, fixed);
		assertThat(this.app.reloadNow().read("$.outcome", String.class)).isEqualTo("RELOADED");
		assertThat(this.app.get("/colour").body()).isEqualTo("the color is teal");
		assertThat(this.app.get("/greeting").body()).isEqualTo("fixed");
	}

}
