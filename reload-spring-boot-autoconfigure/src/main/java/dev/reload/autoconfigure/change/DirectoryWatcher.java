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
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

import dev.reload.autoconfigure.classloader.GenerationFreeThreads;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Watches directory trees for class files (or source files) that are written, moved or
 * deleted, and for a touch file, from one background thread, and reports each burst of
 * changes once it has been quiet for the quiet period. It knows nothing of what the files
 * mean: that is for its {@link Listener}. Only files with its extension, directories and
 * the touch file count: a busy directory of other files is not a change.
 * <p>
 * It uses the file system's notifications ({@link WatchService}); where they cannot be
 * had (the limit of inotify watches, a file system without them), it says so once and
 * polls the files' sizes and times instead, every poll interval.
 *
 * @author reload-spring-boot
 */
public final class DirectoryWatcher {

	private static final Log logger = LogFactory.getLog(DirectoryWatcher.class);

	private final List<Path> roots;

	private final Predicate<Path> counted;

	private final @Nullable Path touchFile;

	private final long quietNanos;

	private final Duration pollInterval;

	private final Listener listener;

	private final WatchServiceFactory watchServices;

	private final Object monitor = new Object();

	/** The files events named since the burst began. */
	private final Set<Path> changedFiles = new HashSet<>();

	/** Whether the burst's comparison must read every file: events were lost. */
	private boolean compareAll;

	private boolean unsettled;

	private long lastEventNanos;

	private volatile @Nullable WatchService watchService;

	private volatile @Nullable Thread thread;

	/**
	 * Create a watcher.
	 * @param roots the directory trees to watch; one that does not exist yet is watched
	 * for
	 * @param touchFile a file whose changes count too, or {@code null}
	 * @param quietPeriod how long no change must come before a burst is reported
	 * @param pollInterval how often to look at the files when notifications cannot be had
	 * @param listener what to tell
	 */
	public DirectoryWatcher(List<Path> roots, @Nullable Path touchFile, Duration quietPeriod, Duration pollInterval,
			Listener listener) {
		this(roots, touchFile, quietPeriod, pollInterval, listener, FileSystems.getDefault()::newWatchService);
	}

	/**
	 * Return a watcher of the files a filter accepts.
	 * @param roots the directory trees to watch; one that does not exist yet is watched
	 * for
	 * @param counted which files under the roots count
	 * @param quietPeriod how long no change must come before a burst is reported
	 * @param pollInterval how often to look at the files when notifications cannot be had
	 * @param listener what to tell
	 * @return the watcher, not started
	 */
	public static DirectoryWatcher of(List<Path> roots, Predicate<Path> counted, Duration quietPeriod,
			Duration pollInterval, Listener listener) {
		return new DirectoryWatcher(roots, counted, null, quietPeriod, pollInterval, listener,
				FileSystems.getDefault()::newWatchService);
	}

	DirectoryWatcher(List<Path> roots, @Nullable Path touchFile, Duration quietPeriod, Duration pollInterval,
			Listener listener, WatchServiceFactory watchServices) {
		this(roots, byExtension(".class"), touchFile, quietPeriod, pollInterval, listener, watchServices);
	}

	DirectoryWatcher(List<Path> roots, Predicate<Path> counted, @Nullable Path touchFile, Duration quietPeriod,
			Duration pollInterval, Listener listener, WatchServiceFactory watchServices) {
		Assert.notNull(roots, "'roots' must not be null");
		Assert.notNull(counted, "'counted' must not be null");
		Assert.isTrue(!quietPeriod.isNegative(), "'quietPeriod' must not be negative");
		Assert.isTrue(!pollInterval.isNegative() && !pollInterval.isZero(), "'pollInterval' must be positive");
		Assert.notNull(listener, "'listener' must not be null");
		this.roots = List.copyOf(roots);
		this.counted = counted;
		this.touchFile = touchFile;
		this.quietNanos = quietPeriod.toNanos();
		this.pollInterval = pollInterval;
		this.listener = listener;
		this.watchServices = watchServices;
	}

	/**
	 * Start watching. The first burst, reported after the quiet period, is of every file:
	 * one written before anything watched sent no event.
	 */
	public void start() {
		// the file system's own watch thread, if it has one, takes the context class
		// loader of the thread that creates it: not a generation's
		Thread current = Thread.currentThread();
		ClassLoader contextClassLoader = current.getContextClassLoader();
		current.setContextClassLoader(DirectoryWatcher.class.getClassLoader());
		WatchService service;
		try {
			service = newWatchService();
		}
		finally {
			current.setContextClassLoader(contextClassLoader);
		}
		synchronized (this.monitor) {
			this.unsettled = true;
			this.compareAll = true;
			this.lastEventNanos = System.nanoTime();
		}
		this.listener.changing();
		this.watchService = service;
		Thread watcher = GenerationFreeThreads.create("reload-watcher", true, DirectoryWatcher.class.getClassLoader(),
				(service != null) ? () -> watch(service) : this::poll);
		this.thread = watcher;
		watcher.start();
	}

	/**
	 * Stop watching.
	 */
	public void stop() {
		WatchService service = this.watchService;
		Thread watcher = this.thread;
		this.watchService = null;
		this.thread = null;
		if (service != null) {
			closeQuietly(service);
		}
		if (watcher != null) {
			watcher.interrupt();
		}
	}

	/**
	 * Return whether the watcher runs.
	 * @return whether it runs
	 */
	public boolean isRunning() {
		return this.thread != null;
	}

	/**
	 * Return whether the watcher polls because notifications could not be had.
	 * @return whether it polls
	 */
	public boolean isPolling() {
		return this.thread != null && this.watchService == null;
	}

	private @Nullable WatchService newWatchService() {
		WatchService service = null;
		try {
			service = this.watchServices.newWatchService();
			registerRoots(service);
			if (this.touchFile != null && this.touchFile.getParent() != null) {
				registerNearest(service, this.touchFile.getParent());
			}
			return service;
		}
		catch (IOException | RuntimeException ex) {
			logger.warn("Cannot watch " + this.roots + " through the file system's notifications (" + describe(ex)
					+ "); looking at the files every " + this.pollInterval.toMillis()
					+ " ms instead. On Linux, raise fs.inotify.max_user_watches to be told at once");
			if (service != null) {
				closeQuietly(service);
			}
			return null;
		}
	}

	private void watch(WatchService service) {
		try {
			while (!Thread.currentThread().isInterrupted()) {
				WatchKey key = awaitEvent(service);
				try {
					if (key != null) {
						onEvents(service, key);
					}
					else {
						settleIfQuiet();
					}
				}
				catch (UncheckedIOException ex) {
					// a new directory that cannot be watched: rather poll than go deaf to
					// it
					logger.warn(describe(ex) + "; looking at the files every " + this.pollInterval.toMillis()
							+ " ms from now on");
					this.watchService = null;
					closeQuietly(service);
					changed(Set.of(), true);
					poll();
					return;
				}
				catch (Exception | LinkageError | VirtualMachineError ex) {
					// a bad event, a full heap: watch on, and compare everything next
					logger.warn("Watching the reload directories failed; watching on", ex);
					changed(Set.of(), true);
				}
			}
		}
		catch (InterruptedException | ClosedWatchServiceException ex) {
			// stopped
		}
	}

	private static void closeQuietly(WatchService service) {
		try {
			service.close();
		}
		catch (IOException ex) {
			logger.debug("Could not close the watch service", ex);
		}
	}

	private void poll() {
		Map<Path, Snapshot> previous = snapshot();
		try {
			while (!Thread.currentThread().isInterrupted()) {
				Thread.sleep(nextWakeMillis());
				try {
					Map<Path, Snapshot> current = snapshot();
					if (!current.equals(previous)) {
						changed(differing(previous, current), false);
						previous = current;
					}
					settleIfQuiet();
				}
				catch (Exception | LinkageError | VirtualMachineError ex) {
					logger.warn("Looking at the reload directories failed; looking on", ex);
					changed(Set.of(), true);
				}
			}
		}
		catch (InterruptedException ex) {
			// stopped
		}
	}

	private static Set<Path> differing(Map<Path, Snapshot> previous, Map<Path, Snapshot> current) {
		Set<Path> files = new HashSet<>(current.keySet());
		files.addAll(previous.keySet());
		files.removeIf((file) -> Objects.equals(current.get(file), previous.get(file)));
		return files;
	}

	private long nextWakeMillis() {
		synchronized (this.monitor) {
			if (this.unsettled) {
				long remaining = this.lastEventNanos + this.quietNanos - System.nanoTime();
				return Math.max(1, Math.min(this.pollInterval.toMillis(), TimeUnit.NANOSECONDS.toMillis(remaining)));
			}
		}
		return this.pollInterval.toMillis();
	}

	private Map<Path, Snapshot> snapshot() {
		Map<Path, Snapshot> files = new HashMap<>();
		for (Path root : this.roots) {
			if (Files.isDirectory(root)) {
				try (Stream<Path> paths = Files.walk(root)) {
					paths.filter(this::counts).forEach((path) -> files.put(path, Snapshot.of(path)));
				}
				catch (IOException | UncheckedIOException ex) {
					// changing while walked: the next look sees it settled
				}
			}
		}
		if (this.touchFile != null && Files.exists(this.touchFile)) {
			files.put(this.touchFile, Snapshot.of(this.touchFile));
		}
		return files;
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

	private void onEvents(WatchService service, WatchKey key) {
		Path directory = (Path) key.watchable();
		Set<Path> files = new HashSet<>();
		boolean all = false;
		try {
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
					else if (isOnTheWayToARoot(path)) {
						// an ancestor of a directory that did not exist yet
						registerRoots(service);
						all = true;
					}
				}
				else if (event.kind() == StandardWatchEventKinds.ENTRY_DELETE && isUnderRoot(path)
						&& !child.toString().contains(".")) {
					all = true; // perhaps a package directory, whose files sent no events
				}
				else if (counts(path)) {
					files.add(path);
				}
			}
		}
		finally {
			// whatever happened, the directory goes on being watched
			key.reset();
		}
		if (all || !files.isEmpty()) {
			changed(files, all);
		}
	}

	private boolean counts(Path path) {
		return path.equals(this.touchFile) || (isUnderRoot(path) && this.counted.test(path));
	}

	private void changed(Set<Path> files, boolean all) {
		boolean first;
		synchronized (this.monitor) {
			this.changedFiles.addAll(files);
			this.compareAll |= all;
			first = !this.unsettled;
			this.unsettled = true;
			this.lastEventNanos = System.nanoTime();
		}
		if (first) {
			this.listener.changing();
		}
	}

	private void settleIfQuiet() {
		Set<Path> files;
		boolean all;
		synchronized (this.monitor) {
			if (!this.unsettled || System.nanoTime() - this.lastEventNanos < this.quietNanos) {
				return;
			}
			files = Set.copyOf(this.changedFiles);
			all = this.compareAll;
			this.changedFiles.clear();
			this.compareAll = false;
			this.unsettled = false;
		}
		this.listener.settled(files, all);
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

	private boolean isOnTheWayToARoot(Path path) {
		for (Path root : this.roots) {
			if (root.startsWith(path)) {
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
			throw new UncheckedIOException("Could not watch " + directory + ": " + describe(ex), ex);
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
			if (Files.isDirectory(root)) {
				// not a deletion while walking (its own event) but a directory that
				// cannot be watched: fail here, at start-up, or watch on without it
				throw (ex instanceof UncheckedIOException unchecked) ? unchecked
						: new UncheckedIOException((IOException) ex);
			}
			logger.debug("Could not watch " + root, ex);
		}
	}

	private static Predicate<Path> byExtension(String extension) {
		Assert.hasText(extension, "'extension' must not be empty");
		return (path) -> path.getFileName().toString().endsWith(extension);
	}

	private static String describe(Throwable ex) {
		Throwable cause = (ex instanceof UncheckedIOException && ex.getCause() != null) ? ex.getCause() : ex;
		return cause.getClass().getSimpleName() + ": " + cause.getMessage();
	}

	/**
	 * What a watcher tells about the files.
	 */
	public interface Listener {

		/**
		 * The files began to change: a burst is under way. Called on the watcher's
		 * thread, or on the starting thread for the first burst.
		 */
		void changing();

		/**
		 * A burst is over: the files have been quiet for the quiet period.
		 * @param files the files that changed, as far as the watcher heard of them
		 * @param all whether every file must be looked at, because not every change was
		 * heard of
		 */
		void settled(Set<Path> files, boolean all);

	}

	/**
	 * Where watch services come from.
	 */
	@FunctionalInterface
	interface WatchServiceFactory {

		WatchService newWatchService() throws IOException;

	}

	private record Snapshot(long size, long modified) {

		static Snapshot of(Path path) {
			try {
				BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
				return new Snapshot(attributes.size(), attributes.lastModifiedTime().toMillis());
			}
			catch (IOException ex) {
				return new Snapshot(-1, -1);
			}
		}

	}

}
