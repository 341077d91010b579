package dev.reload.autoconfigure.launch;

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
import java.util.concurrent.Semaphore;
import java.util.stream.Stream;

import dev.reload.autoconfigure.change.DirectoryWatcher;

import org.springframework.util.Assert;

/**
 * Waits for the next build to write the class directories: what a restart whose
 * application did not start waits for, with no application, and so no reload engine, to
 * watch them. Every file counts, resources too (a fixed {@code data.sql}).
 *
 * @author reload-spring-boot
 */
final class NextBuild {

	/** Long enough for a build's bursts of writes to count as one, as DevTools'. */
	private static final Duration QUIET_PERIOD = Duration.ofMillis(500);

	private static final Duration POLL_INTERVAL = Duration.ofSeconds(1);

	private final List<Path> roots;

	private Map<Path, String> marked = Map.of();

	NextBuild(List<Path> roots) {
		Assert.notEmpty(roots, "'roots' must not be empty");
		this.roots = List.copyOf(roots);
	}

	/**
	 * Remember the files as they are now: as the application starts from them.
	 */
	void mark() {
		this.marked = files();
	}

	/**
	 * Wait until the files differ from those {@link #mark() marked}, and have then been
	 * quiet for a while. A build that wrote them before this was called counts too.
	 * @throws InterruptedException if the thread is interrupted while it waits
	 */
	void await() throws InterruptedException {
		Semaphore changed = new Semaphore(0);
		DirectoryWatcher watcher = DirectoryWatcher.of(this.roots, (path) -> true, QUIET_PERIOD, POLL_INTERVAL,
				new DirectoryWatcher.Listener() {

					@Override
					public void changing() {
					}

					@Override
					public void settled(Set<Path> files, boolean all) {
						// the first burst, reported once the watcher has started, says
						// nothing of what changed: the files are compared
						if (!files().equals(NextBuild.this.marked)) {
							changed.release();
						}
					}

				});
		watcher.start();
		try {
			changed.acquire();
		}
		finally {
			watcher.stop();
		}
	}

	private Map<Path, String> files() {
		Map<Path, String> files = new HashMap<>();
		for (Path root : this.roots) {
			if (!Files.isDirectory(root)) {
				continue;
			}
			try (Stream<Path> paths = Files.walk(root)) {
				paths.forEach((path) -> {
					try {
						BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
						if (attributes.isRegularFile()) {
							files.put(path, attributes.size() + " " + attributes.lastModifiedTime());
						}
					}
					catch (IOException ex) {
						// deleted while walking: a build under way, looked at again after
						// it
					}
				});
			}
			catch (IOException | UncheckedIOException ex) {
				// the same
			}
		}
		return files;
	}

}
