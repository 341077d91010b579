package dev.reload.it;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.reload.it.lib.Latches;
import dev.reload.testsupport.SourceCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A request that started on a replaced bean finishes on it, new requests are served by
 * the new bean meanwhile, and the replaced bean is destroyed only after its request is
 * done.
 *
 * @author reload-spring-boot
 */
@ExtendWith(OutputCaptureExtension.class)
class DrainIntegrationTests {

	private static final String SLOW_CONTROLLER = FixtureSources.PACKAGE + "SlowController";

	@TempDir
	Path classes;

	@TempDir
	Path logs;

	@Test
	void inFlightRequestFinishesOnTheOldBeanBeforeItIsDestroyed() throws Exception {
		Latches.reset();
		Path log = this.logs.resolve("destroyed.txt");
		Map<String, String> sources = new LinkedHashMap<>(FixtureSources.initial());
		sources.putAll(slowController("v1", "dev.reload.it.lib.Latches.enterAndAwaitRelease();"));
		SourceCompiler.compile(this.classes, sources);
		try (RunningApplication app = RunningApplication.start(this.classes, "test.destroy-log=" + log)) {
			CompletableFuture<HttpResponse<String>> inFlight = CompletableFuture.supplyAsync(() -> app.get("/slow"));
			assertThat(Latches.entered.await(20, TimeUnit.SECONDS)).isTrue();
			SourceCompiler.compile(this.classes, slowController("v2", ""));
			assertThat(app.reloadNow().read("$.outcome", String.class)).isEqualTo("RELOADED");
			assertThat(app.get("/slow").body()).isEqualTo("v2");
			// the v1 request is still running, so v1 cannot have been destroyed
			assertThat(log).doesNotExist();
			Latches.release.countDown();
			HttpResponse<String> finished = inFlight.get(20, TimeUnit.SECONDS);
			assertThat(finished.statusCode()).isEqualTo(200);
			assertThat(finished.body()).isEqualTo("v1");
			await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(log));
			assertThat(Files.readString(log)).isEqualTo("v1 destroyed\n");
		}
	}

	@Test
	void drainWaitIsBoundedAndItsTimeoutIsLogged(CapturedOutput output) throws Exception {
		Latches.reset();
		Path log = this.logs.resolve("destroyed.txt");
		Map<String, String> sources = new LinkedHashMap<>(FixtureSources.initial());
		sources.putAll(slowController("v1", "dev.reload.it.lib.Latches.enterAndAwaitRelease();"));
		SourceCompiler.compile(this.classes, sources);
		try (RunningApplication app = RunningApplication.start(this.classes, "test.destroy-log=" + log,
				"reload.drain-timeout=200ms")) {
			CompletableFuture<HttpResponse<String>> inFlight = CompletableFuture.supplyAsync(() -> app.get("/slow"));
			assertThat(Latches.entered.await(20, TimeUnit.SECONDS)).isTrue();
			SourceCompiler.compile(this.classes, slowController("v2", ""));
			assertThat(app.reloadNow().read("$.outcome", String.class)).isEqualTo("RELOADED");
			// destroyed although its request is still running, once the bounded wait is
			// over
			await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(log));
			assertThat(inFlight).isNotDone();
			assertThat(output).contains("were still running after PT0.2S");
			Latches.release.countDown();
			assertThat(inFlight.get(20, TimeUnit.SECONDS).body()).isEqualTo("v1");
		}
	}

	private static Map<String, String> slowController(String version, String wait) {
		return SourceCompiler.of(SLOW_CONTROLLER,
				"""
						package dev.reload.it.fixture.app;

						import java.nio.file.Files;
						import java.nio.file.Path;
						import java.nio.file.StandardOpenOption;
						import jakarta.annotation.PreDestroy;
						import org.springframework.beans.factory.annotation.Value;
						import org.springframework.web.bind.annotation.GetMapping;
						import org.springframework.web.bind.annotation.RestController;

						@RestController
						public class SlowController {
							private final Path log;

							public SlowController(@Value("${test.destroy-log}") Path log) {
								this.log = log;
							}

							@GetMapping("/slow")
							public String slow() throws Exception {
								%s
								return "%s";
							}

							@PreDestroy
							void destroyed() throws Exception {
								Files.writeString(this.log, "%s destroyed\\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
							}
						}
						"""
					.formatted(wait, version, version));
	}

}
