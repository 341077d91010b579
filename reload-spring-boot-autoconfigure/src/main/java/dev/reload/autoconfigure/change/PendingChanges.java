package dev.reload.autoconfigure.change;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;
import org.springframework.util.Assert;

/**
 * What is pending: whether the class files are being written, and which change waits to
 * be applied, so that a request only reads a flag. A {@link DirectoryWatcher} tells it
 * when files change and when they have settled; then the class files it named are
 * compared with the running generation, and what a reload would apply is published. A
 * change that failed is not pending again until its files change.
 *
 * @author reload-spring-boot
 */
public final class PendingChanges implements SmartLifecycle, DirectoryWatcher.Listener {

	private static final Log logger = LogFactory.getLog(PendingChanges.class);

	/** How often to look at the files when the file system cannot notify. */
	private static final Duration POLL_INTERVAL = Duration.ofSeconds(1);

	private final ClassFileIndex index;

	private final Function<ChangeSet, ChangeSet> selection;

	private final DirectoryWatcher watcher;

	private final Object monitor = new Object();

	/** Read on every request: true while files are unsettled or a change is pending. */
	private volatile boolean attention;

	private boolean unsettled;

	private ChangeSet pending = ChangeSet.NONE;

	/** The last comparison, while no event and no reload has made it stale. */
	private @Nullable ChangeSet freshDiff;

	private @Nullable String rejectedFingerprint;

	/** Whether the last comparison failed, so that the next one reads every file. */
	private boolean compareAll;

	private volatile @Nullable Runnable changePendingListener;

	/**
	 * Create an instance.
	 * @param index the applied class files
	 * @param roots the directories to watch; one that does not exist yet is watched for
	 * @param quietPeriod how long the files must stay unchanged before a change counts
	 * @param selection which of the changes on disk a reload would apply now
	 * @param touchFile the touch file that gates reloads, or {@code null}
	 */
	public PendingChanges(ClassFileIndex index, List<Path> roots, Duration quietPeriod,
			Function<ChangeSet, ChangeSet> selection, @Nullable Path touchFile) {
		Assert.notNull(index, "'index' must not be null");
		Assert.notNull(selection, "'selection' must not be null");
		this.index = index;
		this.selection = selection;
		this.watcher = new DirectoryWatcher(roots, touchFile, quietPeriod, POLL_INTERVAL, this);
	}

	/**
	 * Return whether a request should look closer: files are being written, or a change
	 * is waiting to be applied. A volatile read, nothing more.
	 * @return whether there is anything to do
	 */
	public boolean needsAttention() {
		return this.attention;
	}

	/**
	 * Wait until the files have been quiet for the quiet period, at most until the
	 * deadline.
	 * @param deadlineNanos the {@link System#nanoTime()} to give up at
	 * @return the changes waiting to be applied; empty if there are none or the files did
	 * not settle in time
	 * @throws InterruptedException if the thread is interrupted while waiting
	 */
	public ChangeSet awaitSettled(long deadlineNanos) throws InterruptedException {
		synchronized (this.monitor) {
			while (this.unsettled) {
				long remaining = deadlineNanos - System.nanoTime();
				if (remaining <= 0) {
					return ChangeSet.NONE;
				}
				TimeUnit.NANOSECONDS.timedWait(this.monitor, remaining);
			}
			return this.pending;
		}
	}

	/**
	 * Return how the class files differ from the applied ones: the last comparison when
	 * no file has changed and no reload has happened since, so that a reload right after
	 * the files settled does not read every file's attributes again.
	 * @return the differences
	 */
	public ChangeSet diff() {
		synchronized (this.monitor) {
			if (this.freshDiff != null && !this.unsettled) {
				return this.freshDiff;
			}
		}
		return this.index.diff();
	}

	/**
	 * Record that a reload applied the pending changes or found none.
	 */
	public void changesApplied() {
		synchronized (this.monitor) {
			this.freshDiff = null;
			this.pending = ChangeSet.NONE;
			this.rejectedFingerprint = null;
			this.attention = this.unsettled;
		}
	}

	/**
	 * Record that a reload failed: the same content is not tried again on a request until
	 * a file changes again.
	 * @param changes the changes that failed
	 */
	public void changesRejected(ChangeSet changes) {
		synchronized (this.monitor) {
			this.freshDiff = null;
			this.rejectedFingerprint = changes.fingerprint();
			this.pending = ChangeSet.NONE;
			this.attention = this.unsettled;
		}
	}

	/**
	 * Set what to call, on the watcher's thread, when the files have settled and a change
	 * waits to be applied.
	 * @param listener the listener, or {@code null} for none
	 */
	public void onChangePending(@Nullable Runnable listener) {
		this.changePendingListener = listener;
	}

	/**
	 * Return whether the files are looked at every second because the file system's
	 * notifications could not be had.
	 * @return whether the watcher polls
	 */
	public boolean isPolling() {
		return this.watcher.isPolling();
	}

	@Override
	public void changing() {
		synchronized (this.monitor) {
			this.unsettled = true;
			this.freshDiff = null;
			this.attention = true;
		}
	}

	@Override
	public void settled(Set<Path> files, boolean all) {
		ChangeSet diff = null;
		ChangeSet changes;
		boolean compareAll;
		synchronized (this.monitor) {
			compareAll = all || this.compareAll;
		}
		try {
			diff = compareAll ? this.index.diff() : this.index.diff(files);
			changes = this.selection.apply(diff);
			compareAll = false;
		}
		catch (RuntimeException | LinkageError | VirtualMachineError ex) {
			// requests must not wait for a comparison that cannot be made; a reload that
			// is asked for makes it again and reports why it fails
			logger.warn("Could not compare the class files with the running code: " + ex.getMessage(),
					(ex instanceof RuntimeException) ? null : ex);
			diff = null;
			changes = ChangeSet.NONE;
			compareAll = true;
		}
		boolean retry;
		synchronized (this.monitor) {
			this.compareAll = compareAll;
			this.freshDiff = diff;
			retry = !changes.isEmpty() && !changes.fingerprint().equals(this.rejectedFingerprint);
			this.pending = retry ? changes : ChangeSet.NONE;
			this.unsettled = false;
			this.attention = retry;
			this.monitor.notifyAll();
		}
		Runnable listener = this.changePendingListener;
		if (listener != null && retry) {
			listener.run();
		}
	}

	@Override
	public void start() {
		this.watcher.start();
	}

	@Override
	public void stop() {
		this.watcher.stop();
	}

	@Override
	public int getPhase() {
		// before the web server (WebServerApplicationContext.START_STOP_LIFECYCLE_PHASE)
		// takes requests, so that none is served unwatched
		return SmartLifecycle.DEFAULT_PHASE - 2048;
	}

	@Override
	public boolean isRunning() {
		return this.watcher.isRunning();
	}

}
