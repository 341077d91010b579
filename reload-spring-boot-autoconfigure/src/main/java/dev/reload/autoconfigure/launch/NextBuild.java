package dev.reload.autoconfigure.launch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.reload.autoconfigure.change.DirectoryWatcher;

import org.springframework.util.Assert;

/**
 * Waits for the next build to write the class directories: what a restart whose
 * application did not start waits for, with no application, and so no reload engine, to
 * watch them.
 *
 * @author reload-spring-boot
 */
final class NextBuild {

	/** Long enough for a build's bursts of writes to count as one, as DevTools'. */
	private static final Duration QUIET_PERIOD = Duration.ofMillis(500);

	private static final Duration POLL_INTERVAL = Duration.ofSeconds(1);

	private final List<Path> roots;

	NextBuild(List<Path> roots) {
		Assert.notEmpty(roots, "'roots' must not be empty");
		this.roots = List.copyOf(roots);
	}

	/**
	 * Wait until a file under the roots has been written, deleted or moved, and the files
	 * have then been quiet for a while.
	 * @throws InterruptedException if the thread is interrupted while it waits
	 */
	void await() throws InterruptedException {
		Semaphore settled = new Semaphore(0);
		AtomicBoolean first = new AtomicBoolean(true);
		DirectoryWatcher watcher = DirectoryWatcher.of(this.roots, (path) -> true, QUIET_PERIOD, POLL_INTERVAL,
				new DirectoryWatcher.Listener() {

					@Override
					public void changing() {
					}

					@Override
					public void settled(Set<Path> files, boolean all) {
						// the first burst is every file, reported as the watcher starts
						if (!first.getAndSet(false)) {
							settled.release();
						}
					}

				});
		watcher.start();
		try {
			settled.acquire();
		}
		finally {
			watcher.stop();
		}
	}

}
