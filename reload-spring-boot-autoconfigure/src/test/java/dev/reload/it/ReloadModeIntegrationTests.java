package dev.reload.it;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

import dev.reload.ReloadOutcome;
import dev.reload.ReloadReport;
import dev.reload.ReloadTrigger;
import dev.reload.Reloader;
import dev.reload.autoconfigure.change.PendingChanges;
import dev.reload.autoconfigure.engine.BackgroundReloader;
import dev.reload.autoconfigure.engine.ReloadEngine;
import dev.reload.it.fixture.TestApplication;
import dev.reload.testsupport.SourceCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code reload.mode}: an application that serves no requests reloads in the background,
 * gated by the touch file when there is one, or through the {@link Reloader} API; a web
 * application reloads in the background in watch mode and only when asked in manual mode.
 *
 * @author reload-spring-boot
 */
class ReloadModeIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	@TempDir
	Path classes;

	@TempDir
	Path control;

	@Test
	void applicationWithoutWebServerReloadsInTheBackground() {
		SourceCompiler.compile(this.classes, FixtureSources.initial());
		try (ConfigurableApplicationContext context = startWithoutWebServer()) {
			assertThat(greeting(context)).isEqualTo("hello");
			SourceCompiler.compile(this.classes, FixtureSources.helloGreeting("watched", ""));
			await().atMost(TIMEOUT).until(() -> context.getBean(ReloadEngine.class).history().last() != null);
			assertThat(greeting(context)).isEqualTo("watched");
			ReloadReport last = context.getBean(ReloadEngine.class).history().last();
			assertThat(last).isNotNull();
			assertThat(last.trigger()).isEqualTo(ReloadTrigger.WATCHER);
			assertThat(last.rebuiltBeans()).contains("helloGreeting");
		}
	}

	@Test
	void applicationWithoutWebServerWaitsForTheTouchFile() throws Exception {
		Path touchFile = Files.writeString(this.control.resolve("reload_modules"), "");
		SourceCompiler.compile(this.classes, FixtureSources.initial());
		try (ConfigurableApplicationContext context = startWithoutWebServer("reload.touch-file=" + touchFile)) {
			SourceCompiler.compile(this.classes, FixtureSources.helloGreeting("after touch", ""));
			assertThat(context.getBean(Reloader.class).reload().outcome()).isEqualTo(ReloadOutcome.NO_CHANGES);
			assertThat(greeting(context)).isEqualTo("hello");
			Files.setLastModifiedTime(touchFile, FileTime.from(Instant.now().plusSeconds(2)));
			ReloadEngine engine = context.getBean(ReloadEngine.class);
			await().atMost(TIMEOUT).until(() -> engine.history().last().trigger() == ReloadTrigger.WATCHER);
			assertThat(engine.history().last().outcome()).isEqualTo(ReloadOutcome.RELOADED);
			assertThat(greeting(context)).isEqualTo("after touch");
		}
	}

	@Test
	void manualModeReloadsOnlyThroughTheReloader() {
		SourceCompiler.compile(this.classes, FixtureSources.initial());
		try (ConfigurableApplicationContext context = startWithoutWebServer("reload.mode=manual")) {
			assertThat(context.getBeanProvider(BackgroundReloader.class).getIfAvailable()).isNull();
			SourceCompiler.compile(this.classes, FixtureSources.helloGreeting("asked for", ""));
			await().atMost(TIMEOUT).until(context.getBean(PendingChanges.class)::needsAttention);
			assertThat(greeting(context)).isEqualTo("hello");
			ReloadReport report = context.getBean(Reloader.class).reload();
			assertThat(report.outcome()).isEqualTo(ReloadOutcome.RELOADED);
			assertThat(report.trigger()).isEqualTo(ReloadTrigger.API);
			assertThat(greeting(context)).isEqualTo("asked for");
		}
	}

	@Test
	void webApplicationInManualModeDoesNotReloadOnRequests() {
		SourceCompiler.compile(this.classes, FixtureSources.initial());
		try (RunningApplication app = RunningApplication.start(this.classes, "reload.mode=manual")) {
			SourceCompiler.compile(this.classes, FixtureSources.helloGreeting("asked for", ""));
			app.awaitChangeNoticed();
			assertThat(app.get("/greeting").body()).isEqualTo("hello");
			assertThat(app.reloadNow().read("$.outcome", String.class)).isEqualTo("RELOADED");
			assertThat(app.get("/greeting").body()).isEqualTo("asked for");
		}
	}

	@Test
	void webApplicationInWatchModeReloadsBeforeAnyRequest() {
		SourceCompiler.compile(this.classes, FixtureSources.initial());
		try (RunningApplication app = RunningApplication.start(this.classes, "reload.mode=watch")) {
			ReloadEngine engine = app.context().getBean(ReloadEngine.class);
			SourceCompiler.compile(this.classes, FixtureSources.helloGreeting("watched", ""));
			await().atMost(TIMEOUT).until(() -> engine.history().last() != null);
			assertThat(engine.history().last().trigger()).isEqualTo(ReloadTrigger.WATCHER);
			assertThat(engine.generation()).isEqualTo(1);
			assertThat(app.get("/greeting").body()).isEqualTo("watched");
		}
	}

	private ConfigurableApplicationContext startWithoutWebServer(String... properties) {
		return new SpringApplicationBuilder(TestApplication.class).web(WebApplicationType.NONE)
			.properties("reload.directories=" + this.classes, "spring.main.banner-mode=off")
			.properties(properties)
			.run();
	}

	private static String greeting(ConfigurableApplicationContext context) {
		Object controller = context.getBean("greetingController");
		try {
			Method greeting = controller.getClass().getMethod("greeting");
			return (String) greeting.invoke(controller);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
