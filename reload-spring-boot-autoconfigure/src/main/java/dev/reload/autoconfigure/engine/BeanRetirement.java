package dev.reload.autoconfigure.engine;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.util.Assert;

/**
 * Destroys the beans a switch replaced once the requests that arrived before it are done,
 * or once the drain timeout is over, on a thread of its own.
 *
 * @author reload-spring-boot
 */
final class BeanRetirement {

	private static final Log logger = LogFactory.getLog(BeanRetirement.class);

	private final Duration drainTimeout;

	private final ExecutorService executor = Executors.newSingleThreadExecutor((runnable) -> {
		Thread thread = new Thread(runnable, "reload-retire");
		thread.setDaemon(true);
		thread.setContextClassLoader(BeanRetirement.class.getClassLoader());
		return thread;
	});

	BeanRetirement(Duration drainTimeout) {
		Assert.notNull(drainTimeout, "'drainTimeout' must not be null");
		this.drainTimeout = drainTimeout;
	}

	/**
	 * Destroy the beans a switch replaced when its earlier requests are done.
	 * @param switched the switch, with what destroys the replaced beans
	 */
	void retire(RequestGate.Switched<Runnable> switched) {
		switched.previousRequestsDone()
			.orTimeout(this.drainTimeout.toMillis(), TimeUnit.MILLISECONDS)
			.whenCompleteAsync((done, failure) -> {
				if (failure instanceof TimeoutException) {
					logger.warn("Requests that started before the reload were still running after " + this.drainTimeout
							+ "; destroying the replaced beans anyway");
				}
				switched.result().run();
			}, this.executor);
	}

	void shutdown() {
		this.executor.shutdownNow();
	}

}
