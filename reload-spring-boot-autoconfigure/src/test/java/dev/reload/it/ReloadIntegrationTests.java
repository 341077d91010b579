package dev.reload.it;

import dev.reload.testsupport.SourceCompiler;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.jayway.jsonpath.DocumentContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reloads a running application whose classes are compiled at test time into its reload
 * directory, over real HTTP.
 *
 * @author reload-spring-boot
 */
class ReloadIntegrationTests extends FixtureApplicationTests {

	@Test
	void serviceMethodBodyChangeIsServedByTheNextRequest() {
		assertThat(this.app.get("/greeting").body()).isEqualTo("hello");
		SourceCompiler.compile(this.classes, FixtureSources.helloGreeting("hello again", ""));
		this.app.awaitChangeNoticed();
		HttpResponse<String> response = this.app.get("/greeting");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("hello again");
		DocumentContext status = this.app.status();
		assertThat(status.read("$.generation", Integer.class)).isEqualTo(1);
		assertThat(status.read("$.lastReload.trigger", String.class)).isEqualTo("REQUEST");
	}

	@Test
	void staticUtilityChangeReachesItsCallers() {
		assertThat(this.app.get("/colour").body()).isEqualTo("the color is white");
		SourceCompiler.compile(this.classes, FixtureSources.colours("red"));
		this.app.awaitChangeNoticed();
		assertThat(this.app.get("/colour").body()).isEqualTo("the color is red");
		assertThat(this.app.status().read("$.lastReload.rebuiltBeans", List.class)).containsExactly("colourController");
	}

	@Test
	void addedMappingIsServedAndRemovedMappingIsGone() {
		RequestMappingScenarios.addedMappingIsServedAndRemovedMappingIsGone(this.app, this.classes);
	}

	@Test
	void newServiceIsUsedByChangedController() {
		Map<String, String> sources = new java.util.LinkedHashMap<>(FixtureSources.shades("dark"));
		sources.putAll(FixtureSources.colourController("""
				private final Shades shades;
				public ColourController(Shades shades) { this.shades = shades; }
				""", "@GetMapping(\"/shade\") public String shade() { return this.shades.shade(); }"));
		SourceCompiler.compile(this.classes, sources);
		this.app.awaitChangeNoticed();
		assertThat(this.app.get("/shade").body()).isEqualTo("dark");
		DocumentContext status = this.app.status();
		assertThat(status.read("$.lastReload.changedClasses", List.class))
			.containsExactly(FixtureSources.COLOUR_CONTROLLER, FixtureSources.SHADES);
		assertThat(status.read("$.lastReload.rebuiltBeans", List.class)).containsExactly("colourController", "shades");
		assertThat(this.app.context().getBean("shades").getClass().getName()).isEqualTo(FixtureSources.SHADES);
	}

	@Test
	void deletedControllerIsRemovedWithItsMappings() throws Exception {
		Path classFile = this.classes.resolve(FixtureSources.COLOUR_CONTROLLER.replace('.', '/') + ".class");
		assertThat(this.app.get("/colour").statusCode()).isEqualTo(200);
		Files.delete(classFile);
		DocumentContext report = this.app.reloadNow();
		assertThat(report.read("$.outcome", String.class)).isEqualTo("RELOADED");
		assertThat(report.read("$.changedClasses", List.class)).containsExactly(FixtureSources.COLOUR_CONTROLLER);
		assertThat(report.read("$.rebuiltBeans", List.class)).containsExactly("colourController");
		assertThat(this.app.get("/colour").statusCode()).isEqualTo(404);
		assertThat(this.app.context().containsBean("colourController")).isFalse();
		assertThat(this.app.get("/greeting").body()).isEqualTo("hello");
	}

	@Test
	void unaffectedBeanKeepsItsIdentityAndState() {
		Object counter = this.app.context().getBean("visitCounter");
		assertThat(this.app.get("/visits").body()).isEqualTo("1");
		assertThat(this.app.get("/visits").body()).isEqualTo("2");
		SourceCompiler.compile(this.classes, FixtureSources.helloGreeting("changed once", ""));
		assertThat(this.app.reloadNow().read("$.outcome", String.class)).isEqualTo("RELOADED");
		SourceCompiler.compile(this.classes, FixtureSources.colours("green"));
		assertThat(this.app.reloadNow().read("$.outcome", String.class)).isEqualTo("RELOADED");
		assertThat(this.app.get("/visits").body()).isEqualTo("3");
		assertThat(this.app.context().getBean("visitCounter")).isSameAs(counter);
	}

	@Test
	void unchangedControllerReachesNewImplementationThroughItsInterface() {
		Object controller = this.app.context().getBean("greetingController");
		Object previousService = this.app.context().getBean("helloGreeting");
		SourceCompiler.compile(this.classes, FixtureSources.helloGreeting("bonjour", ""));
		this.app.awaitChangeNoticed();
		assertThat(this.app.get("/greeting").body()).isEqualTo("bonjour");
		assertThat(this.app.context().getBean("greetingController")).isSameAs(controller);
		Object service = this.app.context().getBean("helloGreeting");
		assertThat(service).isNotSameAs(previousService);
		assertThat(service.getClass()).isNotSameAs(previousService.getClass());
		assertThat(service.getClass().getName()).isEqualTo(previousService.getClass().getName());
	}

	@Test
	void endpointReportsExactlyWhatChangedAndWhatWasRebuilt() {
		SourceCompiler.compile(this.classes, FixtureSources.helloGreeting("reported", ""));
		DocumentContext report = this.app.reloadNow();
		assertThat(report.read("$.outcome", String.class)).isEqualTo("RELOADED");
		assertThat(report.read("$.generation", Integer.class)).isEqualTo(1);
		assertThat(report.read("$.changedClasses", List.class)).containsExactly(FixtureSources.HELLO_GREETING);
		assertThat(report.read("$.rebuiltBeans", List.class)).containsExactly("helloGreeting");
		assertThat(report.read("$.trigger", String.class)).isEqualTo("ENDPOINT");
		assertThat(report.read("$.durationMillis", Long.class)).isNotNegative();
		assertThat(report.read("$.error", String.class)).isNull();
		DocumentContext again = this.app.reloadNow();
		assertThat(again.read("$.outcome", String.class)).isEqualTo("NO_CHANGES");
		assertThat(again.read("$.generation", Integer.class)).isEqualTo(1);
		assertThat(again.read("$.changedClasses", List.class)).isEmpty();
		DocumentContext status = this.app.status();
		assertThat(status.read("$.history[*].outcome", List.class)).containsExactly("NO_CHANGES", "RELOADED");
		assertThat(status.read("$.settings.directories", List.class)).containsExactly(this.classes.toString());
	}

	@Test
	void constructorThatThrowsFailsTheReloadAndTheOldCodeKeepsServing() {
		SourceCompiler.compile(this.classes,
				FixtureSources.helloGreeting("broken", "throw new IllegalStateException(\"greeting is broken\");"));
		DocumentContext failed = this.app.reloadNow();
		assertThat(failed.read("$.outcome", String.class)).isEqualTo("FAILED");
		assertThat(failed.read("$.generation", Integer.class)).isZero();
		assertThat(failed.read("$.error", String.class)).contains("helloGreeting")
			.contains(FixtureSources.HELLO_GREETING)
			.contains("greeting is broken");
		HttpResponse<String> stillServing = this.app.get("/greeting");
		assertThat(stillServing.statusCode()).isEqualTo(200);
		assertThat(stillServing.body()).isEqualTo("hello");
		SourceCompiler.compile(this.classes, FixtureSources.helloGreeting("fixed", ""));
		DocumentContext fixed = this.app.reloadNow();
		assertThat(fixed.read("$.outcome", String.class)).isEqualTo("RELOADED");
		assertThat(fixed.read("$.generation", Integer.class)).isEqualTo(1);
		assertThat(this.app.get("/greeting").body()).isEqualTo("fixed");
	}

	@Test
	void classFileThatIsNotAClassFileFailsTheReloadNamingTheClass() throws Exception {
		Path classFile = this.classes.resolve(FixtureSources.HELLO_GREETING.replace('.', '/') + ".class");
		Files.write(classFile, new byte[] { (byte) 0xCA, (byte) 0xFE, 0x00, 0x01, 0x02 });
		DocumentContext failed = this.app.reloadNow();
		assertThat(failed.read("$.outcome", String.class)).isEqualTo("FAILED");
		assertThat(failed.read("$.error", String.class)).contains(FixtureSources.HELLO_GREETING);
		assertThat(this.app.get("/greeting").body()).isEqualTo("hello");
		SourceCompiler.compile(this.classes, FixtureSources.helloGreeting("recovered", ""));
		assertThat(this.app.reloadNow().read("$.outcome", String.class)).isEqualTo("RELOADED");
		assertThat(this.app.get("/greeting").body()).isEqualTo("recovered");
	}

	@Test
	void concurrentRequestsAcrossReloadsNeverFail() throws Exception {
		Set<String> versions = Set.of("hello", "v1", "v2", "v3");
		Map<String, Integer> seen = new ConcurrentHashMap<>();
		List<String> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
		AtomicBoolean running = new AtomicBoolean(true);
		ExecutorService clients = Executors.newFixedThreadPool(4);
		try {
			List<Future<?>> loops = new java.util.ArrayList<>();
			for (int i = 0; i < 4; i++) {
				loops.add(clients.submit(() -> {
					for (int request = 0; request < 5_000 && running.get(); request++) {
						HttpResponse<String> response = this.app.get("/greeting");
						if (response.statusCode() != 200 || !versions.contains(response.body())) {
							failures.add(response.statusCode() + " " + response.body());
						}
						seen.merge(response.body(), 1, Integer::sum);
					}
				}));
			}
			for (String version : List.of("v1", "v2", "v3")) {
				SourceCompiler.compile(this.classes, FixtureSources.helloGreeting(version, ""));
				await().atMost(java.time.Duration.ofSeconds(20))
					.until(() -> version.equals(this.app.get("/greeting").body()));
			}
			running.set(false);
			for (Future<?> loop : loops) {
				loop.get(30, TimeUnit.SECONDS);
			}
		}
		finally {
			running.set(false);
			clients.shutdownNow();
		}
		assertThat(failures).isEmpty();
		assertThat(seen.keySet()).contains("hello", "v3");
		assertThat(this.app.status().read("$.generation", Integer.class)).isEqualTo(3);
	}

}
