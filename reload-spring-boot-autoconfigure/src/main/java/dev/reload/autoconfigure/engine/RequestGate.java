package dev.reload.autoconfigure.engine;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.util.Assert;

/**
 * What requests pass through, so that a switch is atomic for them. A request holds the
 * gate from the moment it arrives until its handler has been looked up: a switch, which
 * replaces beans and request mappings together, waits for those few microseconds and
 * never interleaves with a lookup. The gate also counts the requests of each switch
 * epoch, so that beans replaced by a switch are destroyed only when the requests that
 * might still use them are done.
 *
 * @author reload-spring-boot
 */
public final class RequestGate {

	private static final Log logger = LogFactory.getLog(RequestGate.class);

	private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

	private final long waitNanos;

	private volatile Epoch epoch = new Epoch();

	private final ThreadLocal<Pass> currentPass = new ThreadLocal<>();

	/**
	 * Create a gate.
	 * @param wait longest time a request waits for a switch in progress
	 */
	public RequestGate(Duration wait) {
		Assert.notNull(wait, "'wait' must not be null");
		this.waitNanos = wait.toNanos();
	}

	/**
	 * Let a request in. Close the returned pass when the request is done.
	 * @return the request's pass
	 */
	public Pass enter() {
		boolean locked;
		try {
			locked = this.lock.readLock().tryLock(this.waitNanos, TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			locked = false;
		}
		if (!locked) {
			logger.warn("A reload held the request gate for longer than the request wait; proceeding");
		}
		Pass pass = new Pass(enterEpoch(), locked);
		this.currentPass.set(pass);
		return pass;
	}

	/**
	 * Run a switch while no request is between its arrival and its handler lookup.
	 * @param <T> the switch's result type
	 * @param action the switch
	 * @return the switch's result, and a future that completes when every request that
	 * arrived before the switch is done
	 */
	public <T> Switched<T> switchOver(Supplier<T> action) {
		Pass own = this.currentPass.get();
		if (own != null) {
			// a request that reloads, such as a POST to the endpoint, has its handler
			// already
			own.handlerFound();
		}
		this.lock.writeLock().lock();
		try {
			T result = action.get();
			Epoch previous = this.epoch;
			this.epoch = new Epoch();
			previous.close();
			return new Switched<>(result, previous.idle);
		}
		finally {
			this.lock.writeLock().unlock();
		}
	}

	private Epoch enterEpoch() {
		while (true) {
			Epoch current = this.epoch;
			if (current.tryEnter()) {
				return current;
			}
		}
	}

	/**
	 * The result of a switch.
	 *
	 * @param <T> the result type
	 * @param result what the switch returned
	 * @param previousRequestsDone completes when the requests that arrived before the
	 * switch are done
	 */
	public record Switched<T>(T result, CompletableFuture<Void> previousRequestsDone) {

	}

	/**
	 * A request's passage through the gate.
	 */
	public final class Pass implements AutoCloseable {

		private final Epoch epoch;

		private final Thread owner = Thread.currentThread();

		private boolean locked;

		private volatile boolean closed;

		private Pass(Epoch epoch, boolean locked) {
			this.epoch = epoch;
			this.locked = locked;
		}

		/**
		 * Release the gate once the request's handler is known; a switch may run from now
		 * on, and the request keeps its handler.
		 */
		public void handlerFound() {
			if (Thread.currentThread() != this.owner) {
				// only the thread that entered holds the lock; a reactive request may end
				// on another
				return;
			}
			if (this.locked) {
				this.locked = false;
				RequestGate.this.lock.readLock().unlock();
			}
			if (RequestGate.this.currentPass.get() == this) {
				RequestGate.this.currentPass.remove();
			}
		}

		/**
		 * Record that the request is done, on whatever thread it ends.
		 */
		@Override
		public void close() {
			handlerFound();
			if (!this.closed) {
				this.closed = true;
				this.epoch.exit();
			}
		}

	}

	private static final class Epoch {

		private final AtomicInteger requests = new AtomicInteger();

		private final CompletableFuture<Void> idle = new CompletableFuture<>();

		private volatile boolean closed;

		boolean tryEnter() {
			this.requests.incrementAndGet();
			if (this.closed) {
				exit();
				return false;
			}
			return true;
		}

		void exit() {
			if (this.requests.decrementAndGet() == 0 && this.closed) {
				this.idle.complete(null);
			}
		}

		void close() {
			this.closed = true;
			if (this.requests.get() == 0) {
				this.idle.complete(null);
			}
		}

	}

}
