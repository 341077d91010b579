package dev.reload.it;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
		SourceCompiler.compile(this.classes, FixtureSources.initial());
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
