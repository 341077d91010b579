package dev.reload.autoconfigure.change;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link DirectoryWatcher}, on real directories.
 *
 * @author reload-spring-boot
 */
class DirectoryWatcherTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	@TempDir
	Path classes;

	@TempDir
	Path busy;

	private final Recorder recorder = new Recorder();

	private DirectoryWatcher watcher;

	@AfterEach
	void stop() {
		if (this.watcher != null) {
			this.watcher.stop();
		}
	}

	@Test
	void classFileWrittenIsReportedOnceTheFilesAreQuiet() throws IOException {
		this.watcher = new DirectoryWatcher(List.of(this.classes), null, Duration.ofMillis(10), Duration.ofSeconds(1),
				this.recorder);
		startAndAwaitFirstBurst();
		Path written = write(this.classes.resolve("sample/Clock.class"));
		await().atMost(TIMEOUT).until(() -> this.recorder.settledFiles().contains(written));
		assertThat(this.watcher.isPolling()).isFalse();
	}

	@Test
	void otherFilesNextToTheTouchFileAreNotChanges() throws Exception {
		Path touchFile = this.busy.resolve("reload_modules");
		this.watcher = new DirectoryWatcher(List.of(this.classes), touchFile, Duration.ofMillis(10),
				Duration.ofSeconds(1), this.recorder);
		startAndAwaitFirstBurst();
		int bursts = this.recorder.changing.get();
		for (int i = 0; i < 50; i++) {
			write(this.busy.resolve("other-" + i + ".tmp"));
		}
		write(this.classes.resolve("Resource.txt"));
		// the touch file is: once it is reported, the other files' events are behind
		write(touchFile);
		await().atMost(TIMEOUT).until(() -> this.recorder.settledFiles().contains(touchFile));
		assertThat(this.recorder.settledFiles()).allMatch((file) -> file.equals(touchFile));
		assertThat(this.recorder.changing.get()).isEqualTo(bursts + 1);
	}

	@Test
	void watchServiceThatCannotBeHadFallsBackToPolling() throws IOException {
		this.watcher = new DirectoryWatcher(List.of(this.classes), null, Duration.ofMillis(10), Duration.ofMillis(50),
				this.recorder, () -> {
					throw new IOException("User limit of inotify watches reached");
				});
		startAndAwaitFirstBurst();
		assertThat(this.watcher.isPolling()).isTrue();
		Path written = write(this.classes.resolve("sample/Clock.class"));
		await().atMost(TIMEOUT).until(() -> this.recorder.settledFiles().contains(written));
	}

	private void startAndAwaitFirstBurst() {
		this.watcher.start();
		// the first burst compares every file: one written before the start sent no
		// event
		await().atMost(TIMEOUT).until(() -> !this.recorder.settled.isEmpty());
		assertThat(this.recorder.settled.get(0).all()).isTrue();
		this.recorder.settled.clear();
	}

	private static Path write(Path file) throws IOException {
		Files.createDirectories(file.getParent());
		Files.writeString(file, "content " + System.nanoTime());
		return file;
	}

	private record Burst(Set<Path> files, boolean all) {

	}

	private static final class Recorder implements DirectoryWatcher.Listener {

		private final AtomicInteger changing = new AtomicInteger();

		private final List<Burst> settled = new CopyOnWriteArrayList<>();

		@Override
		public void changing() {
			this.changing.incrementAndGet();
		}

		@Override
		public void settled(Set<Path> files, boolean all) {
			this.settled.add(new Burst(files, all));
		}

		List<Path> settledFiles() {
			return this.settled.stream().flatMap((burst) -> burst.files().stream()).toList();
		}

	}

}
