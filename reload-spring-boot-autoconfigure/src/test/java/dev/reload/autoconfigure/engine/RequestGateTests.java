package dev.reload.autoconfigure.engine;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RequestGate}, with real threads.
 *
 * @author reload-spring-boot
 */
class RequestGateTests {

	private final RequestGate gate = new RequestGate(Duration.ofSeconds(10));

	// a new thread for each task: the common pool may have a single worker, which a
	// blocked switch would hold, and a pooled thread would carry the pass of the request
	// it entered for to the next task, as a server thread never does while that request
	// looks up its handler
	private final Executor threads = (task) -> {
		Thread thread = new Thread(task, "request-gate-test");
		thread.setDaemon(true);
		thread.start();
	};

	@Test
	void switchWaitsForRequestsBeforeTheirHandlerLookup() throws Exception {
		RequestGate.Pass looking = enterOnOtherThread();
		AtomicBoolean switched = new AtomicBoolean();
		CompletableFuture<?> switching = CompletableFuture.runAsync(() -> this.gate.switchOver(() -> {
			switched.set(true);
			return null;
		}), this.threads);
		assertThat(switching).failsWithin(Duration.ofMillis(200));
		assertThat(switched).isFalse();
		looking.handlerFound();
		switching.get(10, TimeUnit.SECONDS);
		assertThat(switched).isTrue();
		looking.close();
	}

	@Test
	void requestArrivingDuringSwitchWaitsForItAndBelongsToTheNextEpoch() throws Exception {
		CountDownLatch inSwitch = new CountDownLatch(1);
		CountDownLatch finishSwitch = new CountDownLatch(1);
		CompletableFuture<RequestGate.Switched<Object>> switching = CompletableFuture
			.supplyAsync(() -> this.gate.switchOver(() -> {
				inSwitch.countDown();
				await(finishSwitch);
				return "done";
			}), this.threads);
		assertThat(inSwitch.await(10, TimeUnit.SECONDS)).isTrue();
		CompletableFuture<RequestGate.Pass> arriving = CompletableFuture.supplyAsync(this.gate::enter, this.threads);
		assertThat(arriving).failsWithin(Duration.ofMillis(200));
		finishSwitch.countDown();
		RequestGate.Pass pass = arriving.get(10, TimeUnit.SECONDS);
		// it came after the switch, so the switch's replaced beans need not wait for it
		assertThat(switching.get(10, TimeUnit.SECONDS).previousRequestsDone()).isCompleted();
		pass.close();
	}

	@Test
	void previousRequestsDoneCompletesWhenTheRequestsBeforeTheSwitchAreDone() throws Exception {
		RequestGate.Pass first = this.gate.enter();
		first.handlerFound();
		RequestGate.Pass second = this.gate.enter();
		second.handlerFound();
		RequestGate.Switched<String> switched = this.gate.switchOver(() -> "switched");
		assertThat(switched.result()).isEqualTo("switched");
		RequestGate.Pass later = this.gate.enter();
		first.close();
		assertThat(switched.previousRequestsDone()).isNotDone();
		second.close();
		assertThat(switched.previousRequestsDone()).isCompleted();
		later.close();
	}

	@Test
	void switchWithoutRequestsIsDoneAtOnce() {
		assertThat(this.gate.switchOver(() -> 1).previousRequestsDone()).isCompleted();
	}

	@Test
	void requestThatSwitchesReleasesItsOwnHoldFirst() {
		RequestGate.Pass own = this.gate.enter();
		// a POST to the endpoint: its thread holds the gate and reloads
		assertThat(this.gate.switchOver(() -> "switched").result()).isEqualTo("switched");
		own.close();
	}

	@Test
	void handlerFoundTwiceFromTwoThreadsReleasesOnce() throws Exception {
		for (int i = 0; i < 200; i++) {
			RequestGate.Pass pass = this.gate.enter();
			CompletableFuture<Void> other = CompletableFuture.runAsync(pass::handlerFound, this.threads);
			pass.handlerFound();
			other.get(10, TimeUnit.SECONDS);
			pass.close();
		}
		// had a release been counted twice, the lookups would be negative and the
		// switch would wait for ever
		assertThat(CompletableFuture.supplyAsync(() -> this.gate.switchOver(() -> "switched"), this.threads))
			.succeedsWithin(Duration.ofSeconds(10));
	}

	@Test
	void requestProceedsWhenSwitchOutlastsTheRequestWait() throws Exception {
		RequestGate shortWait = new RequestGate(Duration.ofMillis(50));
		CountDownLatch inSwitch = new CountDownLatch(1);
		CountDownLatch finishSwitch = new CountDownLatch(1);
		CompletableFuture<RequestGate.Switched<Object>> switching = CompletableFuture
			.supplyAsync(() -> shortWait.switchOver(() -> {
				inSwitch.countDown();
				await(finishSwitch);
				return "done";
			}), this.threads);
		assertThat(inSwitch.await(10, TimeUnit.SECONDS)).isTrue();
		RequestGate.Pass pass = CompletableFuture.supplyAsync(shortWait::enter, this.threads).get(10, TimeUnit.SECONDS);
		finishSwitch.countDown();
		// it counts in the epoch it met, so beans it may use are kept until it is done
		assertThat(switching.get(10, TimeUnit.SECONDS).previousRequestsDone()).isNotDone();
		pass.close();
		assertThat(switching.get().previousRequestsDone()).isCompleted();
	}

	private RequestGate.Pass enterOnOtherThread() throws Exception {
		return CompletableFuture.supplyAsync(this.gate::enter, this.threads).get(10, TimeUnit.SECONDS);
	}

	private static void await(CountDownLatch latch) {
		try {
			assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void switchWaitsForALookupButNotForARequestThatArrivedWithoutLookingUp() throws Exception {
		RequestGate.Pass arrived = this.gate.arrive();
		CountDownLatch looking = new CountDownLatch(1);
		CountDownLatch finishLookup = new CountDownLatch(1);
		CompletableFuture<String> lookup = CompletableFuture.supplyAsync(() -> this.gate.duringLookup(() -> {
			looking.countDown();
			await(finishLookup);
			return "handler";
		}), this.threads);
		assertThat(looking.await(10, TimeUnit.SECONDS)).isTrue();
		AtomicBoolean switched = new AtomicBoolean();
		CompletableFuture<RequestGate.Switched<Object>> switching = CompletableFuture
			.supplyAsync(() -> this.gate.switchOver(() -> {
				switched.set(true);
				return "done";
			}), this.threads);
		finishLookup.countDown();
		assertThat(lookup.get(10, TimeUnit.SECONDS)).isEqualTo("handler");
		RequestGate.Switched<Object> result = switching.get(10, TimeUnit.SECONDS);
		assertThat(switched).isTrue();
		// the request that arrived before the switch is still counted for the drain
		assertThat(result.previousRequestsDone()).isNotDone();
		arrived.close();
		result.previousRequestsDone().get(10, TimeUnit.SECONDS);
	}

	@Test
	void switchGivesUpOnALookupThatDoesNotEndAndTheGateStaysOpen() throws Exception {
		RequestGate boundedGate = new RequestGate(Duration.ofMillis(100));
		CountDownLatch looking = new CountDownLatch(1);
		CountDownLatch finishLookup = new CountDownLatch(1);
		CompletableFuture<String> lookup = CompletableFuture.supplyAsync(() -> boundedGate.duringLookup(() -> {
			looking.countDown();
			await(finishLookup);
			return "handler";
		}), this.threads);
		assertThat(looking.await(10, TimeUnit.SECONDS)).isTrue();
		AtomicBoolean switched = new AtomicBoolean();
		CompletableFuture<Object> switching = CompletableFuture.supplyAsync(() -> boundedGate.switchOver(() -> {
			switched.set(true);
			return "done";
		}), this.threads);
		assertThat(switching).failsWithin(Duration.ofSeconds(10))
			.withThrowableThat()
			.havingRootCause()
			.withMessageContaining("1 requests were still looking up their handler");
		assertThat(switched).isFalse();
		assertThat(boundedGate.duringLookup(() -> "next")).isEqualTo("next");
		finishLookup.countDown();
		assertThat(lookup.get(10, TimeUnit.SECONDS)).isEqualTo("handler");
	}

}
