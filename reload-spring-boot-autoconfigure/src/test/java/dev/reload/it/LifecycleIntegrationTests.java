package dev.reload.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.reload.testsupport.SourceCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reloadable beans keep the lifecycle of the singletons they were: a replaced bean is
 * destroyed once the requests that might use it are done, and the current ones are
 * destroyed when the context closes.
 *
 * @author reload-spring-boot
 */
class LifecycleIntegrationTests {

	private static final String TRACKED = FixtureSources.PACKAGE + "Tracked";

	@TempDir
	Path classes;

	@TempDir
	Path logs;

	@Test
	void replacedBeanIsDestroyedAfterTheSwitchAndCurrentOneOnClose() throws Exception {
		Path log = this.logs.resolve("destroyed.txt");
		Map<String, String> sources = new LinkedHashMap<>(FixtureSources.initial());
		sources.putAll(tracked("v1"));
		SourceCompiler.compile(this.classes, sources);
		RunningApplication app = RunningApplication.start(this.classes, "test.destroy-log=" + log);
		try {
			SourceCompiler.compile(this.classes, tracked("v2"));
			assertThat(app.reloadNow().read("$.outcome", String.class)).isEqualTo("RELOADED");
			await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(log));
			assertThat(Files.readString(log)).isEqualTo("v1 destroyed\n");
		}
		finally {
			app.close();
		}
		assertThat(Files.readString(log)).isEqualTo("v1 destroyed\nv2 destroyed\n");
	}

	@Test
	void runningSmartLifecycleIsStoppedAndItsNewInstanceStarted() throws Exception {
		Path log = this.logs.resolve("lifecycle.txt");
		Map<String, String> sources = new LinkedHashMap<>(FixtureSources.initial());
		sources.putAll(ticker("v1"));
		SourceCompiler.compile(this.classes, sources);
		RunningApplication app = RunningApplication.start(this.classes, "test.lifecycle-log=" + log);
		try {
			assertThat(Files.readString(log)).isEqualTo("v1 started\n");
			SourceCompiler.compile(this.classes, ticker("v2"));
			assertThat(app.reloadNow().read("$.outcome", String.class)).isEqualTo("RELOADED");
			assertThat(Files.readString(log)).isEqualTo("v1 started\nv1 stopped\nv2 started\n");
		}
		finally {
			app.close();
		}
		assertThat(Files.readString(log)).isEqualTo("v1 started\nv1 stopped\nv2 started\nv2 stopped\n");
	}

	private static Map<String, String> ticker(String version) {
		return SourceCompiler.of(FixtureSources.PACKAGE + "Ticker",
				"""
						package dev.reload.it.fixture.app;

						import java.io.IOException;
						import java.io.UncheckedIOException;
						import java.nio.file.Files;
						import java.nio.file.Path;
						import java.nio.file.StandardOpenOption;
						import org.springframework.beans.factory.annotation.Value;
						import org.springframework.context.SmartLifecycle;
						import org.springframework.stereotype.Component;

						@Component
						public class Ticker implements SmartLifecycle {
							private final Path log;
							private volatile boolean running;

							public Ticker(@Value("${test.lifecycle-log}") Path log) {
								this.log = log;
							}

							@Override
							public void start() {
								this.running = true;
								write("%1$s started");
							}

							@Override
							public void stop() {
								this.running = false;
								write("%1$s stopped");
							}

							@Override
							public boolean isRunning() {
								return this.running;
							}

							private void write(String line) {
								try {
									Files.writeString(this.log, line + "\\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
								}
								catch (IOException ex) {
									throw new UncheckedIOException(ex);
								}
							}
						}
						"""
					.formatted(version));
	}

	private static Map<String, String> tracked(String version) {
		return SourceCompiler.of(TRACKED,
				"""
						package dev.reload.it.fixture.app;

						import java.nio.file.Files;
						import java.nio.file.Path;
						import java.nio.file.StandardOpenOption;
						import jakarta.annotation.PreDestroy;
						import org.springframework.beans.factory.annotation.Value;
						import org.springframework.stereotype.Component;

						@Component
						public class Tracked {
							private final Path log;

							public Tracked(@Value("${test.destroy-log}") Path log) {
								this.log = log;
							}

							@PreDestroy
							void destroyed() throws Exception {
								Files.writeString(this.log, "%s destroyed\\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
							}
						}
						"""
					.formatted(version));
	}

}
