package dev.reload.autoconfigure.change;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;
import org.springframework.util.Assert;

/**
 * The resources of the class directories that an application reads as it starts, such as
 * {@code application.yml}, {@code schema.sql}, {@code data.sql} or a message bundle: no
 * reload can apply a change to one, only a restart. What it was started from is compared
 * with what a build has written since, once the files have settled. Templates and static
 * files, read again on each request, and what a build writes for tools
 * ({@code META-INF/maven}, {@code git.properties},
 * {@code META-INF/build-info.properties}) do not count, as with DevTools' default
 * exclusions.
 *
 * @author reload-spring-boot
 */
public final class StartupResources implements SmartLifecycle, DirectoryWatcher.Listener {

	/** Served on each request, or written by the build for tools: never a restart. */
	private static final List<String> EXCLUDED_DIRECTORIES = List.of("templates/", "static/", "public/", "resources/",
			"META-INF/resources/", "META-INF/maven/");

	/** Written by builds for tools; the configuration metadata is for IDEs only. */
	private static final Set<String> EXCLUDED_FILES = Set.of("git.properties", "META-INF/build-info.properties",
			"META-INF/spring-configuration-metadata.json", "META-INF/additional-spring-configuration-metadata.json");

	private static final Duration POLL_INTERVAL = Duration.ofSeconds(1);

	/**
	 * Larger resources (a data set, a model) are told apart by size and time, not hashed:
	 * their content would cost start-up time, and a build rarely rewrites them unchanged.
	 */
	private static final long MAX_HASHED_SIZE = 1024 * 1024;

	private final List<Path> roots;

	private final Map<String, String> started;

	/** Files of the starter's own, such as the touch file, by their path in a root. */
	private final Set<String> ignored;

	private final @Nullable DirectoryWatcher watcher;

	private final Object monitor = new Object();

	private boolean unsettled;

	/** Read on every request: true while files are unsettled or differ from the start. */
	private volatile boolean attention;

	private volatile @Nullable Runnable changeListener;

	private StartupResources(List<Path> roots, Map<String, String> started, Set<Path> ignored,
			@Nullable Duration quietPeriod) {
		this.roots = List.copyOf(roots);
		this.started = Map.copyOf(started);
		this.ignored = ignored.stream()
			.flatMap((path) -> this.roots.stream().filter(path::startsWith).map((root) -> name(root, path)))
			.collect(Collectors.toSet());
		this.watcher = (quietPeriod != null)
				? DirectoryWatcher.of(this.roots, this::counts, quietPeriod, POLL_INTERVAL, this) : null;
	}

	/**
	 * Watch the resources of the given class directories for changes from what the
	 * application was started with.
	 * @param roots the class directories
	 * @param started what the application was started with, as {@link #read(List)}
	 * returned it before it started
	 * @param ignored files that do not count wherever they are, such as the touch file
	 * @param quietPeriod how long the files must stay unchanged before a change counts
	 * @return the resources
	 */
	public static StartupResources watched(List<Path> roots, Map<String, String> started, Set<Path> ignored,
			Duration quietPeriod) {
		Assert.notNull(roots, "'roots' must not be null");
		Assert.notNull(started, "'started' must not be null");
		Assert.notNull(ignored, "'ignored' must not be null");
		Assert.notNull(quietPeriod, "'quietPeriod' must not be null");
		return new StartupResources(roots, started, ignored, quietPeriod);
	}

	/**
	 * Return resources that are not watched, for an application that cannot be restarted:
	 * their changes are left to the next start.
	 * @return the resources
	 */
	public static StartupResources unwatched() {
		return new StartupResources(List.of(), Map.of(), Set.of(), null);
	}

	/**
	 * Read the resources of the given class directories that count, each with the SHA-256
	 * of its content (size and time for one over a megabyte), by its path in its
	 * directory; the first directory has a path, as on the class path.
	 * @param roots the class directories
	 * @return the resources
	 */
	public static Map<String, String> read(List<Path> roots) {
		Map<String, String> resources = new HashMap<>();
		for (Path root : roots) {
			if (!Files.isDirectory(root)) {
				continue;
			}
			try (Stream<Path> paths = Files.walk(root)) {
				paths.filter((path) -> counts(root, path) && Files.isRegularFile(path)).forEach((path) -> {
					String name = name(root, path);
					String hash = hash(path);
					if (hash != null) {
						resources.putIfAbsent(name, hash);
					}
				});
			}
			catch (IOException | UncheckedIOException ex) {
				// a build under way: compared again once it has settled
			}
		}
		return resources;
	}

	/**
	 * Return whether a request should look closer: files are being written, or differ
	 * from those the application started with. A volatile read, nothing more.
	 * @return whether there is anything to do
	 */
	public boolean needsAttention() {
		return this.attention;
	}

	/**
	 * Wait until the files have been quiet for the quiet period, at most until the
	 * deadline.
	 * @param deadlineNanos the {@link System#nanoTime()} to give up at
	 * @return whether the resources differ from those the application started with;
	 * {@code false} if they did not settle in time
	 * @throws InterruptedException if the thread is interrupted while waiting
	 */
	public boolean awaitSettled(long deadlineNanos) throws InterruptedException {
		synchronized (this.monitor) {
			while (this.unsettled) {
				long remaining = deadlineNanos - System.nanoTime();
				if (remaining <= 0) {
					return false;
				}
				TimeUnit.NANOSECONDS.timedWait(this.monitor, remaining);
			}
			return this.attention;
		}
	}

	/**
	 * Return the resources that differ from those the application started with: added,
	 * changed or removed, by their path in their class directory, sorted.
	 * @return the changed resources; empty if they are not watched
	 */
	public Set<String> changed() {
		if (this.watcher == null) {
			return Set.of();
		}
		Map<String, String> now = read(this.roots);
		Set<String> changed = new TreeSet<>();
		now.forEach((name, hash) -> {
			if (!hash.equals(this.started.get(name))) {
				changed.add(name);
			}
		});
		this.started.keySet().stream().filter((name) -> !now.containsKey(name)).forEach(changed::add);
		changed.removeAll(this.ignored);
		return changed;
	}

	/**
	 * Set what to call, on the watcher's thread, when the files have settled and differ
	 * from those the application started with.
	 * @param listener the listener, or {@code null} for none
	 */
	public void onChange(@Nullable Runnable listener) {
		this.changeListener = listener;
	}

	@Override
	public void changing() {
		synchronized (this.monitor) {
			this.unsettled = true;
			this.attention = true;
		}
	}

	@Override
	public void settled(Set<Path> files, boolean all) {
		// a build rewrites resources with their content unchanged: the content counts
		boolean changed = !changed().isEmpty();
		synchronized (this.monitor) {
			this.unsettled = false;
			this.attention = changed;
			this.monitor.notifyAll();
		}
		Runnable listener = this.changeListener;
		if (listener != null && changed) {
			listener.run();
		}
	}

	@Override
	public void start() {
		if (this.watcher != null) {
			this.watcher.start();
		}
	}

	@Override
	public void stop() {
		if (this.watcher != null) {
			this.watcher.stop();
		}
	}

	@Override
	public boolean isRunning() {
		return this.watcher != null && this.watcher.isRunning();
	}

	@Override
	public int getPhase() {
		// with the class files' watcher, before the web server takes requests
		return SmartLifecycle.DEFAULT_PHASE - 2048;
	}

	private boolean counts(Path path) {
		for (Path root : this.roots) {
			if (path.startsWith(root)) {
				return !this.ignored.contains(name(root, path)) && counts(root, path);
			}
		}
		return false;
	}

	private static boolean counts(Path root, Path path) {
		if (path.equals(root) || path.getFileName().toString().endsWith(".class") || TemporaryFiles.isTemporary(path)) {
			return false;
		}
		String name = name(root, path);
		if (EXCLUDED_FILES.contains(name)) {
			return false;
		}
		// a directory counts while it may hold resources that do
		String directory = name + "/";
		return EXCLUDED_DIRECTORIES.stream().noneMatch((excluded) -> directory.startsWith(excluded));
	}

	private static String name(Path root, Path path) {
		return root.relativize(path).toString().replace('\\', '/');
	}

	private static @Nullable String hash(Path path) {
		try {
			BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
			if (attributes.size() > MAX_HASHED_SIZE) {
				return "size " + attributes.size() + ", modified " + attributes.lastModifiedTime();
			}
			return ClassFileIndex.sha256(Files.readAllBytes(path));
		}
		catch (IOException ex) {
			// deleted while walking: a build under way
			return null;
		}
	}

}
