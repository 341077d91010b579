package dev.reload.it;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.reload.it.lib.Latches;
import dev.reload.testsupport.SourceCompiler;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A {@code POST} to the endpoint that arrives while a request is applying a change waits
 * for that reload without holding the request gate, which the reload needs to switch.
 *
 * @author reload-spring-boot
 */
class ConcurrentReloadIntegrationTests extends FixtureApplicationTests {

	@Test
	void endpointPostDuringARequestTriggeredReloadDoesNotDeadlock() throws Exception {
		Latches.reset();
		SourceCompiler.compile(this.classes,
				FixtureSources.helloGreeting("slow", "try { dev.reload.it.lib.Latches.enterAndAwaitRelease(); } "
						+ "catch (InterruptedException ex) { throw new IllegalStateException(ex); }"));
		this.app.awaitChangeNoticed();
		CompletableFuture<HttpResponse<String>> reloadingRequest = CompletableFuture
			.supplyAsync(() -> this.app.get("/greeting"));
		// the request's reload is building the new bean, holding the reload lock
		assertThat(Latches.entered.await(20, TimeUnit.SECONDS)).isTrue();
		CompletableFuture<HttpResponse<String>> post = CompletableFuture
			.supplyAsync(() -> this.app.post("/actuator/reload"));
		await().atMost(Duration.ofSeconds(20)).until(ConcurrentReloadIntegrationTests::endpointWaitsForTheReload);
		Latches.release.countDown();
		assertThat(reloadingRequest.get(20, TimeUnit.SECONDS).body()).isEqualTo("slow");
		HttpResponse<String> report = post.get(20, TimeUnit.SECONDS);
		assertThat(report.statusCode()).isEqualTo(200);
		assertThat(report.body()).contains("\"outcome\":\"NO_CHANGES\"");
	}

	private static boolean endpointWaitsForTheReload() {
		return Thread.getAllStackTraces()
			.entrySet()
			.stream()
			.anyMatch((entry) -> entry.getKey().getState() != Thread.State.RUNNABLE && Arrays.stream(entry.getValue())
				.anyMatch((frame) -> frame.getClassName().endsWith("ReloadEndpoint")
						&& frame.getMethodName().equals("reload")));
	}

}
