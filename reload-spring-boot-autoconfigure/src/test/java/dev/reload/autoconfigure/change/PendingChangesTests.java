package dev.reload.autoconfigure.change;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import dev.reload.autoconfigure.classloader.ClassDirectories;
import dev.reload.testsupport.SourceCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.SmartLifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link PendingChanges}.
 *
 * @author reload-spring-boot
 */
class PendingChangesTests {

	// the same class the index tests compile
	private static final String SOURCE = ClassFileIndexTests.CLOCK;

	@TempDir
	Path classes;

	@Test
	void changeWrittenBeforeTheWatcherStartedIsNoticed() throws Exception {
		SourceCompiler.compile(this.classes, Map.of("sample.Clock", SOURCE.formatted("noon")));
		ClassFileIndex index = new ClassFileIndex(new ClassDirectories(List.of(this.classes), List.of()), Map.of());
		index.takeInitialClassFiles();
		// written after the snapshot, before anything watches: no event will tell
		SourceCompiler.compile(this.classes, Map.of("sample.Clock", SOURCE.formatted("midnight")));
		PendingChanges watcher = new PendingChanges(index, List.of(this.classes), Duration.ofMillis(10),
				Function.identity(), null);
		watcher.start();
		try {
			assertThat(watcher.needsAttention()).isTrue();
			ChangeSet changes = watcher.awaitSettled(System.nanoTime() + TimeUnit.SECONDS.toNanos(20));
			assertThat(changes.classNames()).containsExactly("sample.Clock");
		}
		finally {
			watcher.stop();
		}
	}

	@Test
	void classesInANewPackageAndDeletedClassesAreNoticed() throws Exception {
		SourceCompiler.compile(this.classes, Map.of("sample.Clock", SOURCE.formatted("noon")));
		ClassFileIndex index = new ClassFileIndex(new ClassDirectories(List.of(this.classes), List.of()), Map.of());
		index.takeInitialClassFiles();
		PendingChanges watcher = new PendingChanges(index, List.of(this.classes), Duration.ofMillis(10),
				Function.identity(), null);
		watcher.start();
		try {
			assertThat(watcher.awaitSettled(deadline()).isEmpty()).isTrue();
			// a new package directory: its files may be written before it is watched
			SourceCompiler.compile(this.classes, Map.of("sample.alarm.Bell", """
					package sample.alarm;
					public class Bell {
					}
					"""));
			Files.delete(this.classes.resolve("sample/Clock.class"));
			await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
				ChangeSet changes = watcher.awaitSettled(deadline());
				assertThat(changes.added()).containsOnlyKeys("sample.alarm.Bell");
				assertThat(changes.removed()).containsExactly("sample.Clock");
			});
		}
		finally {
			watcher.stop();
		}
	}

	private static long deadline() {
		return System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
	}

	@Test
	void watchingStartsBeforeTheWebServerTakesRequests() {
		PendingChanges watcher = new PendingChanges(
				new ClassFileIndex(new ClassDirectories(List.of(this.classes), List.of()), Map.of()),
				List.of(this.classes), Duration.ofMillis(10), Function.identity(), null);
		// WebServerApplicationContext.START_STOP_LIFECYCLE_PHASE
		assertThat(watcher.getPhase()).isLessThan(SmartLifecycle.DEFAULT_PHASE - 1024);
	}

}
