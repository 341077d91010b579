package dev.reload.autoconfigure.engine;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.reload.autoconfigure.classloader.GenerationFreeThreads;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.util.Assert;

/**
 * Destroys the beans a switch replaced once the requests that arrived before it are done,
 * or once the drain timeout is over, on a thread of its own. When the application stops,
 * the replaced beans still waiting are destroyed once the web server has stopped and
 * before any singleton is, so that each gets its destruction callbacks with what it
 * depends on still there.
 *
 * @author reload-spring-boot
 */
public final class BeanRetirement implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(BeanRetirement.class);

	private final Duration drainTimeout;

	private final Runnable afterRetirement;

	private final Set<Retiring> waiting = ConcurrentHashMap.newKeySet();

	private final ExecutorService executor = Executors.newSingleThreadExecutor((runnable) -> GenerationFreeThreads
		.create("reload-retire", true, BeanRetirement.class.getClassLoader(), runnable));

	private volatile boolean running;

	/**
	 * Create an instance.
	 * @param drainTimeout longest time a replaced bean waits for its requests
	 */
	public BeanRetirement(Duration drainTimeout) {
		this(drainTimeout, () -> {
		});
	}

	/**
	 * Create an instance.
	 * @param drainTimeout longest time a replaced bean waits for its requests
	 * @param afterRetirement what runs once the beans of a switch are destroyed: their
	 * destruction looks up their classes' methods again, refilling the caches that are
	 * evicted after a switch
	 */
	public BeanRetirement(Duration drainTimeout, Runnable afterRetirement) {
		Assert.notNull(drainTimeout, "'drainTimeout' must not be null");
		Assert.notNull(afterRetirement, "'afterRetirement' must not be null");
		this.drainTimeout = drainTimeout;
		this.afterRetirement = afterRetirement;
	}

	/**
	 * Destroy the beans a switch replaced when its earlier requests are done.
	 * @param switched the switch, with what destroys the replaced beans
	 */
	void retire(RequestGate.Switched<Runnable> switched) {
		Retiring retiring = new Retiring(switched.result());
		this.waiting.add(retiring);
		try {
			switched.previousRequestsDone()
				.orTimeout(this.drainTimeout.toMillis(), TimeUnit.MILLISECONDS)
				.whenCompleteAsync((done, failure) -> {
					if (failure instanceof TimeoutException) {
						logger.warn("Requests that started before the reload were still running after "
								+ this.drainTimeout + "; destroying the replaced beans anyway");
					}
					retiring.run();
				}, this.executor);
		}
		catch (RejectedExecutionException ex) {
			// stopping: destroyed at stop
		}
	}

	/**
	 * Let go of what a failed reload built: the beans it made are gone with it, but
	 * Spring's caches of their classes, filled as they were built, would keep its
	 * generation alive until the next switch; they are evicted as after a retirement.
	 */
	void discarded() {
		try {
			this.afterRetirement.run();
		}
		catch (RuntimeException ex) {
			// only memory is at stake
			logger.debug("Could not evict the caches of a failed reload", ex);
		}
	}

	@Override
	public void start() {
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		this.executor.shutdown();
		for (Retiring retiring : this.waiting) {
			retiring.run();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		// stopped after the web server (WebServerApplicationContext's phase is
		// DEFAULT_PHASE - 2048), whose requests are then done
		return SmartLifecycle.DEFAULT_PHASE - 4096;
	}

	/**
	 * The destruction of the beans one switch replaced, run once.
	 */
	private final class Retiring implements Runnable {

		private final Runnable destruction;

		private final AtomicBoolean done = new AtomicBoolean();

		Retiring(Runnable destruction) {
			this.destruction = destruction;
		}

		@Override
		public void run() {
			if (this.done.compareAndSet(false, true)) {
				try {
					this.destruction.run();
				}
				finally {
					BeanRetirement.this.waiting.remove(this);
					BeanRetirement.this.afterRetirement.run();
				}
			}
		}

	}

}
