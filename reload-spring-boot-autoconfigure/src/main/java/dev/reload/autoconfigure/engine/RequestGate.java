package dev.reload.autoconfigure.engine;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * What requests pass through, so that a switch is atomic for them. A request holds the
 * gate while its handler is looked up, and never while the handler runs: a switch, which
 * replaces beans and request mappings together, waits for those few microseconds and
 * never interleaves with a lookup. The gate also counts the requests of each switch
 * epoch, so that beans replaced by a switch are destroyed only when the requests that
 * might still use them are done.
 * <p>
 * Every request pays for this, so a request that meets no switch touches one shared
 * counter three times (arrive, handler found, done) and takes no lock.
 *
 * @author reload-spring-boot
 */
public final class RequestGate {

	private static final Log logger = LogFactory.getLog(RequestGate.class);

	/** One request of an epoch that is not done yet, in the high half of its state. */
	private static final long REQUEST = 1L << 32;

	/** One request that has not found its handler yet, in the low half. */
	private static final long LOOKUP = 1L;

	private static final long LOOKUPS = REQUEST - 1;

	private static final long SWITCH_POLL_NANOS = TimeUnit.MICROSECONDS.toNanos(20);

	private static final VarHandle HOLDS_LOOKUP;

	static {
		try {
			HOLDS_LOOKUP = MethodHandles.lookup().findVarHandle(Pass.class, "holdsLookup", boolean.class);
		}
		catch (ReflectiveOperationException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	private final long waitNanos;

	/** Held for a whole switch: one at a time. */
	private final ReentrantLock switches = new ReentrantLock();

	/** Held only to close or replace the epoch; requests that met a switch wait on it. */
	private final Object epochChange = new Object();

	private volatile Epoch epoch = new Epoch();

	// a slot per thread, set on entry and never removed: cheaper than set and remove on
	// every request, and a stale pass in it is harmless (releasing it twice does nothing)
	private final ThreadLocal<CurrentPass> currentPass = ThreadLocal.withInitial(CurrentPass::new);

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
		Epoch current = this.epoch;
		current.state.getAndAdd(REQUEST + LOOKUP);
		if (current.closed) {
			return enterAfterSwitch(current);
		}
		Pass pass = new Pass(current, true);
		this.currentPass.get().pass = pass;
		return pass;
	}

	/**
	 * Let a request in without holding the gate: it holds it only while its handler is
	 * looked up, through {@link #duringLookup(Supplier)}. Close the returned pass when
	 * the request is done.
	 * @return the request's pass
	 */
	public Pass arrive() {
		Epoch current = this.epoch;
		current.state.getAndAdd(REQUEST);
		return new Pass(current, false);
	}

	/**
	 * Look up a handler while holding the gate: after a switch in progress, never during
	 * it.
	 * @param <T> the lookup's result type
	 * @param lookup the lookup
	 * @return the lookup's result
	 */
	public <T> T duringLookup(Supplier<T> lookup) {
		Epoch current = this.epoch;
		current.state.getAndAdd(LOOKUP);
		if (current.closed) {
			current.leave(LOOKUP);
			current = awaitOpenEpoch(LOOKUP);
		}
		try {
			return lookup.get();
		}
		finally {
			if (current != null) {
				current.leave(LOOKUP);
			}
		}
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
		this.switches.lock();
		try {
			Epoch previous = this.epoch;
			synchronized (this.epochChange) {
				// from now on arriving requests step back and wait for the next epoch
				previous.closed = true;
			}
			try {
				awaitLookups(previous);
				return new Switched<>(action.get(), previous.idle);
			}
			finally {
				synchronized (this.epochChange) {
					this.epoch = new Epoch();
					this.epochChange.notifyAll();
				}
				previous.finish();
			}
		}
		finally {
			this.switches.unlock();
		}
	}

	private void awaitLookups(Epoch previous) {
		// the requests that came before finish their lookup: microseconds, unless a
		// handler mapping blocks; then nothing is switched
		long deadline = System.nanoTime() + this.waitNanos;
		while ((previous.state.get() & LOOKUPS) != 0) {
			if (System.nanoTime() - deadline > 0) {
				throw new IllegalStateException((previous.state.get() & LOOKUPS) + " requests were still looking up "
						+ "their handler after " + Duration.ofNanos(this.waitNanos) + " (reload.request-wait); "
						+ "nothing was switched");
			}
			LockSupport.parkNanos(SWITCH_POLL_NANOS);
		}
	}

	/**
	 * Release the gate held by the current thread's request, if it holds it: a request
	 * that reloads, such as a POST to the endpoint, has its handler already, and must not
	 * hold the gate while it waits for a reload in progress, which waits for the gate.
	 */
	public void releaseCurrentPass() {
		Pass own = this.currentPass.get().pass;
		if (own != null) {
			own.handlerFound();
		}
	}

	private Pass enterAfterSwitch(Epoch closed) {
		// arrived while a switch waits or runs: step back, wait for it, enter the next
		// epoch
		closed.leave(REQUEST + LOOKUP);
		Epoch current = awaitOpenEpoch(REQUEST + LOOKUP);
		if (current != null) {
			Pass pass = new Pass(current, true);
			this.currentPass.get().pass = pass;
			return pass;
		}
		Epoch latest = this.epoch;
		latest.state.getAndAdd(REQUEST);
		return new Pass(latest, false);
	}

	/**
	 * Wait, at most for the request wait, until no switch runs, and add the given delta
	 * to the epoch that follows it.
	 * @param delta what to add
	 * @return the epoch the delta was added to, or {@code null} if the wait ran out
	 */
	private @Nullable Epoch awaitOpenEpoch(long delta) {
		long deadline = System.nanoTime() + this.waitNanos;
		synchronized (this.epochChange) {
			Epoch current = this.epoch;
			long remaining = deadline - System.nanoTime();
			while (current.closed && remaining > 0) {
				try {
					TimeUnit.NANOSECONDS.timedWait(this.epochChange, remaining);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					break;
				}
				current = this.epoch;
				remaining = deadline - System.nanoTime();
			}
			if (!current.closed) {
				// no switch can close it while this thread holds epochChange
				current.state.getAndAdd(delta);
				return current;
			}
		}
		logger.warn("A reload held the request gate for longer than the request wait; proceeding");
		return null;
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
	public static final class Pass implements AutoCloseable {

		private final Epoch epoch;

		/** Whether the request still holds the gate for its handler lookup. */
		private volatile boolean holdsLookup;

		private Pass(Epoch epoch, boolean holdsLookup) {
			this.epoch = epoch;
			this.holdsLookup = holdsLookup;
		}

		/**
		 * Release the gate once the request's handler is known; a switch may run from now
		 * on, and the request keeps its handler.
		 */
		public void handlerFound() {
			// once, from whichever thread comes first: a reactive request may end on
			// another thread than the one it entered on
			if (this.holdsLookup && HOLDS_LOOKUP.compareAndSet(this, true, false)) {
				this.epoch.leave(LOOKUP);
			}
		}

		/**
		 * Record that the request is done, on whatever thread it ends. Call it once.
		 */
		@Override
		public void close() {
			handlerFound();
			this.epoch.leave(REQUEST);
		}

	}

	private static final class CurrentPass {

		@Nullable Pass pass;

	}

	private static final class Epoch {

		/**
		 * Requests not done in the high half, requests before their lookup in the low.
		 */
		final AtomicLong state = new AtomicLong();

		final CompletableFuture<Void> idle = new CompletableFuture<>();

		/** Set when a switch begins: no request may start a lookup in this epoch. */
		volatile boolean closed;

		/** Set when the switch is over: the epoch is idle once its requests are done. */
		private volatile boolean finished;

		void leave(long delta) {
			long state = this.state.addAndGet(-delta);
			if (state < REQUEST && this.finished) {
				this.idle.complete(null);
			}
		}

		void finish() {
			this.finished = true;
			if (this.state.get() < REQUEST) {
				this.idle.complete(null);
			}
		}

	}

}
