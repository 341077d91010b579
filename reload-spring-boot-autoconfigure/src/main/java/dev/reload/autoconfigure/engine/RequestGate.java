package dev.reload.autoconfigure.engine;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.StampedLock;
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

	// not ReentrantReadWriteLock: a read stamp costs one CAS, and any thread may return
	// it
	private final StampedLock lock = new StampedLock();

	private static final VarHandle STAMP;

	static {
		try {
			STAMP = MethodHandles.lookup().findVarHandle(Pass.class, "stamp", long.class);
		}
		catch (ReflectiveOperationException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

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
		long stamp = this.lock.tryReadLock();
		if (stamp == 0) {
			stamp = awaitReadLock();
		}
		Pass pass = new Pass(enterEpoch(), stamp);
		if (stamp != 0) {
			this.currentPass.set(pass);
		}
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
		releaseCurrentPass();
		long stamp = this.lock.writeLock();
		try {
			T result = action.get();
			Epoch previous = this.epoch;
			this.epoch = new Epoch();
			previous.close();
			return new Switched<>(result, previous.idle);
		}
		finally {
			this.lock.unlockWrite(stamp);
		}
	}

	/**
	 * Release the gate held by the current thread's request, if it holds it: a request
	 * that reloads, such as a POST to the endpoint, has its handler already, and must not
	 * hold the gate while it waits for a reload in progress, which waits for the gate.
	 */
	public void releaseCurrentPass() {
		Pass own = this.currentPass.get();
		if (own != null) {
			own.handlerFound();
		}
	}

	private long awaitReadLock() {
		long stamp;
		try {
			stamp = this.lock.tryReadLock(this.waitNanos, TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			stamp = 0;
		}
		if (stamp == 0) {
			logger.warn("A reload held the request gate for longer than the request wait; proceeding");
		}
		return stamp;
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

		/** The read stamp while the request holds the gate, then 0. */
		private volatile long stamp;

		private Pass(Epoch epoch, long stamp) {
			this.epoch = epoch;
			this.stamp = stamp;
		}

		/**
		 * Release the gate once the request's handler is known; a switch may run from now
		 * on, and the request keeps its handler.
		 */
		public void handlerFound() {
			// once, from whichever thread comes first: a reactive request may end on
			// another thread than the one it entered on
			if (this.stamp != 0) {
				long held = (long) STAMP.getAndSet(this, 0L);
				if (held != 0) {
					RequestGate.this.lock.unlockRead(held);
					if (RequestGate.this.currentPass.get() == this) {
						RequestGate.this.currentPass.remove();
					}
				}
			}
		}

		/**
		 * Record that the request is done, on whatever thread it ends. Call it once.
		 */
		@Override
		public void close() {
			handlerFound();
			this.epoch.exit();
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
