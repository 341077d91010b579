package dev.reload.autoconfigure.change;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;
import org.springframework.util.Assert;

/**
 * Watches the reload directories from one background thread, so that a request only reads
 * a flag. File-system events mark the directories as unsettled; once they have been quiet
 * for the quiet period, the content of the class files is compared with the running
 * generation and the result is published.
 *
 * @author reload-spring-boot
 */
public final class ClassFileWatcher implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(ClassFileWatcher.class);

	private final ClassFileIndex index;

	private final List<Path> roots;

	private final Function<ChangeSet, ChangeSet> selection;

	private final @Nullable Path touchFile;

	private final long quietNanos;

	private final Object monitor = new Object();

	/** Read on every request: true while files are unsettled or a change is pending. */
	private volatile boolean attention;

	private boolean unsettled;

	private long lastEventNanos;

	/** The files events named since the last comparison. */
	private final Set<Path> changedFiles = new HashSet<>();

	/**
	 * Whether the next comparison must read every file: at start, and after events that
	 * do not name every file (an overflow, a deleted directory).
	 */
	private boolean compareAll = true;

	private ChangeSet pending = ChangeSet.NONE;

	/** The last comparison, while no event and no reload has made it stale. */
	private @Nullable ChangeSet freshDiff;

	private @Nullable String rejectedFingerprint;

	private @Nullable WatchService watchService;

	private @Nullable Thread thread;

	private volatile @Nullable Runnable changePendingListener;

	/**
	 * Create a watcher.
	 * @param index the applied class files
	 * @param roots the directories to watch; one that does not exist yet is watched for
	 * @param quietPeriod how long the files must stay unchanged before a change counts
	 * @param selection which of the changes on disk a reload would apply now
	 * @param touchFile the touch file that gates reloads, or {@code null}
	 */
	public ClassFileWatcher(ClassFileIndex index, List<Path> roots, Duration quietPeriod,
			Function<ChangeSet, ChangeSet> selection, @Nullable Path touchFile) {
		Assert.notNull(index, "'index' must not be null");
		Assert.notNull(roots, "'roots' must not be null");
		Assert.isTrue(!quietPeriod.isNegative(), "'quietPeriod' must not be negative");
		Assert.notNull(selection, "'selection' must not be null");
		this.index = index;
		this.roots = List.copyOf(roots);
		this.quietNanos = quietPeriod.toNanos();
		this.selection = selection;
		this.touchFile = touchFile;
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
	 * Return how the class files differ from the applied ones: the watcher's last
	 * comparison when no file event and no reload has happened since, so that a reload
	 * right after the files settled does not read every file's attributes again.
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

	@Override
	public void start() {
		try {
			WatchService service = FileSystems.getDefault().newWatchService();
			registerRoots(service);
			if (this.touchFile != null && this.touchFile.getParent() != null) {
				registerNearest(service, this.touchFile.getParent());
			}
			this.watchService = service;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not watch the reload directories " + this.roots, ex);
		}
		synchronized (this.monitor) {
			// a class file written between the start-up snapshot and now sent no event
			// the watch service saw: compare once, as after an event
			this.unsettled = true;
			this.lastEventNanos = System.nanoTime();
			this.attention = true;
		}
		Thread watcher = new Thread(this::watch, "reload-watcher");
		watcher.setDaemon(true);
		// a thread must not keep a class loader generation alive through its context
		// loader
		watcher.setContextClassLoader(ClassFileWatcher.class.getClassLoader());
		this.thread = watcher;
		watcher.start();
	}

	@Override
	public void stop() {
		WatchService service = this.watchService;
		Thread watcher = this.thread;
		this.watchService = null;
		this.thread = null;
		if (service != null) {
			try {
				service.close();
			}
			catch (IOException ex) {
				logger.debug("Could not close the watch service", ex);
			}
		}
		if (watcher != null) {
			watcher.interrupt();
		}
	}

	@Override
	public int getPhase() {
		// before the web server (WebServerApplicationContext.START_STOP_LIFECYCLE_PHASE)
		// takes requests, so that none is served unwatched
		return SmartLifecycle.DEFAULT_PHASE - 2048;
	}

	@Override
	public boolean isRunning() {
		return this.thread != null;
	}

	private void watch() {
		WatchService service = this.watchService;
		try {
			while (service != null && !Thread.currentThread().isInterrupted()) {
				WatchKey key = awaitEvent(service);
				try {
					if (key != null) {
						onEvents(service, key);
					}
					else if (isUnsettled()) {
						settle();
					}
				}
				catch (RuntimeException ex) {
					logger.warn("Watching the reload directories failed; watching on", ex);
				}
			}
		}
		catch (InterruptedException | ClosedWatchServiceException ex) {
			// stopped
		}
	}

	private @Nullable WatchKey awaitEvent(WatchService service) throws InterruptedException {
		boolean unsettled;
		long quietUntil;
		synchronized (this.monitor) {
			unsettled = this.unsettled;
			quietUntil = this.lastEventNanos + this.quietNanos;
		}
		if (!unsettled) {
			return service.take();
		}
		return service.poll(Math.max(0, quietUntil - System.nanoTime()), TimeUnit.NANOSECONDS);
	}

	private boolean isUnsettled() {
		synchronized (this.monitor) {
			return this.unsettled;
		}
	}

	private void onEvents(WatchService service, WatchKey key) {
		Path directory = (Path) key.watchable();
		Set<Path> files = new HashSet<>();
		boolean all = false;
		for (WatchEvent<?> event : key.pollEvents()) {
			if (!(event.context() instanceof Path child)) {
				all = true; // an overflow: events were lost
				continue;
			}
			Path path = directory.resolve(child);
			if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(path)) {
				if (isUnderRoot(path)) {
					// its files may have been written before it was watched
					registerTree(service, path);
					all = !addFilesUnder(path, files) || all;
				}
				else {
					// an ancestor of a directory that did not exist yet
					registerRoots(service);
					all = true;
				}
			}
			else if (event.kind() == StandardWatchEventKinds.ENTRY_DELETE && !child.toString().contains(".")) {
				all = true; // perhaps a package directory, whose files sent no events
			}
			else {
				files.add(path);
			}
		}
		key.reset();
		synchronized (this.monitor) {
			this.changedFiles.addAll(files);
			this.compareAll |= all;
			this.freshDiff = null;
			this.unsettled = true;
			this.lastEventNanos = System.nanoTime();
			this.attention = true;
		}
	}

	private void settle() {
		Set<Path> files;
		boolean all;
		synchronized (this.monitor) {
			files = new HashSet<>(this.changedFiles);
			all = this.compareAll;
			this.changedFiles.clear();
			this.compareAll = false;
		}
		ChangeSet diff = null;
		ChangeSet changes;
		try {
			diff = all ? this.index.diff() : this.index.diff(files);
			changes = this.selection.apply(diff);
		}
		catch (RuntimeException ex) {
			logger.warn("Could not compare the class files with the running code", ex);
			changes = ChangeSet.NONE;
			all = true;
		}
		boolean retry;
		synchronized (this.monitor) {
			if (System.nanoTime() - this.lastEventNanos < this.quietNanos) {
				// more events arrived while comparing: compare again, these files too
				this.changedFiles.addAll(files);
				this.compareAll |= all;
				return;
			}
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

	private void registerRoots(WatchService service) {
		for (Path root : this.roots) {
			if (Files.isDirectory(root)) {
				registerTree(service, root);
			}
			else if (root.getParent() != null) {
				registerNearest(service, root.getParent());
			}
		}
	}

	private void registerNearest(WatchService service, Path directory) {
		Path existing = directory;
		while (existing != null && !Files.isDirectory(existing)) {
			existing = existing.getParent();
		}
		if (existing != null) {
			register(service, existing);
		}
	}

	private boolean isUnderRoot(Path path) {
		for (Path root : this.roots) {
			if (path.startsWith(root)) {
				return true;
			}
		}
		return false;
	}

	private static void register(WatchService service, Path directory) {
		try {
			directory.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
					StandardWatchEventKinds.ENTRY_DELETE);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not watch " + directory, ex);
		}
	}

	private static boolean addFilesUnder(Path directory, Set<Path> files) {
		try (Stream<Path> paths = Files.walk(directory)) {
			paths.filter(Files::isRegularFile).forEach(files::add);
			return true;
		}
		catch (IOException | UncheckedIOException ex) {
			return false;
		}
	}

	private void registerTree(WatchService service, Path root) {
		try (Stream<Path> directories = Files.walk(root)) {
			directories.filter(Files::isDirectory).forEach((directory) -> register(service, directory));
		}
		catch (IOException | UncheckedIOException ex) {
			// deleted while being registered: its deletion is an event of its own
			logger.debug("Could not watch " + root, ex);
		}
	}

}
