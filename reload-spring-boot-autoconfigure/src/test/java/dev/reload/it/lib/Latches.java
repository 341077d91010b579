package dev.reload.it.lib;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Latches shared by a test and the classes it compiles, through the application class
 * loader: they let a test hold a request in flight for as long as it needs.
 *
 * @author reload-spring-boot
 */
public final class Latches {

	/**
	 * Counted down when the slow request has started.
	 */
	public static volatile CountDownLatch entered = new CountDownLatch(1);

	/**
	 * Counted down by the test to let the slow request finish.
	 */
	public static volatile CountDownLatch release = new CountDownLatch(1);

	private Latches() {
	}

	/**
	 * Start over, for a new test.
	 */
	public static void reset() {
		entered = new CountDownLatch(1);
		release = new CountDownLatch(1);
	}

	/**
	 * Called by the slow request: say it started, then wait to be released.
	 * @throws InterruptedException if interrupted
	 */
	public static void enterAndAwaitRelease() throws InterruptedException {
		entered.countDown();
		if (!release.await(30, TimeUnit.SECONDS)) {
			throw new IllegalStateException("The test never released the slow request");
		}
	}

}
