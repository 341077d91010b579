package dev.reload.autoconfigure.engine;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.context.SmartLifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link BeanRetirement}.
 *
 * @author reload-spring-boot
 */
class BeanRetirementTests {

	@Test
	void replacedBeansAreDestroyedOnceTheirRequestsAreDone() {
		BeanRetirement retirement = new BeanRetirement(Duration.ofSeconds(60));
		AtomicInteger destroyed = new AtomicInteger();
		CompletableFuture<Void> requestsDone = new CompletableFuture<>();
		retirement.retire(new RequestGate.Switched<>(destroyed::incrementAndGet, requestsDone));
		assertThat(destroyed).hasValue(0);
		requestsDone.complete(null);
		await().atMost(Duration.ofSeconds(20)).until(() -> destroyed.get() == 1);
		retirement.stop();
		assertThat(destroyed).hasValue(1);
	}

	@Test
	void whatRunsAfterRetirementRunsOnceTheReplacedBeansAreDestroyed() {
		AtomicInteger destroyed = new AtomicInteger();
		AtomicInteger destroyedWhenEvicted = new AtomicInteger(-1);
		BeanRetirement retirement = new BeanRetirement(Duration.ofSeconds(60),
				() -> destroyedWhenEvicted.set(destroyed.get()));
		CompletableFuture<Void> requestsDone = new CompletableFuture<>();
		retirement.retire(new RequestGate.Switched<>(destroyed::incrementAndGet, requestsDone));
		assertThat(destroyedWhenEvicted).hasValue(-1);
		requestsDone.complete(null);
		await().atMost(Duration.ofSeconds(20)).until(() -> destroyedWhenEvicted.get() == 1);
		retirement.stop();
	}

	@Test
	void beansStillDrainingWhenTheApplicationStopsAreDestroyedThenOnce() {
		BeanRetirement retirement = new BeanRetirement(Duration.ofSeconds(60));
		retirement.start();
		AtomicInteger destroyed = new AtomicInteger();
		CompletableFuture<Void> requestsDone = new CompletableFuture<>();
		retirement.retire(new RequestGate.Switched<>(destroyed::incrementAndGet, requestsDone));
		retirement.stop();
		assertThat(destroyed).hasValue(1);
		assertThat(retirement.isRunning()).isFalse();
		// the requests end later: nothing is destroyed twice
		requestsDone.complete(null);
		assertThat(destroyed).hasValue(1);
	}

	@Test
	void stopsAfterTheWebServerAndBeforeTheSingletonsAreDestroyed() {
		// WebServerApplicationContext.START_STOP_LIFECYCLE_PHASE
		assertThat(new BeanRetirement(Duration.ofSeconds(1)).getPhase())
			.isLessThan(SmartLifecycle.DEFAULT_PHASE - 2048);
	}

}
