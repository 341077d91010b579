package dev.reload.autoconfigure.launch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a restart whose application did not start waits for: a build that writes the class
 * directories, whenever it wrote them.
 *
 * @author reload-spring-boot
 */
class NextBuildTests {

	private static final Duration BOUND = Duration.ofSeconds(20);

	@TempDir
	Path classes;

	@Test
	void aBuildThatWroteTheFilesBeforeTheWaitBeganCounts() throws Exception {
		Files.writeString(this.classes.resolve("Vet.class"), "one");
		NextBuild nextBuild = new NextBuild(List.of(this.classes));
		nextBuild.mark();
		// written before the watcher starts: its first burst, of every file, has it
		Files.writeString(this.classes.resolve("Vet.class"), "two!");
		CompletableFuture<Void> waited = waitOn(nextBuild);
		waited.get(BOUND.toSeconds(), TimeUnit.SECONDS);
		assertThat(waited).isCompleted();
	}

	@Test
	void aBuildWhileItWaitsCountsAndNothingElseDoes() throws IOException {
		Path resources = Files.createDirectories(this.classes.resolve("db"));
		Files.writeString(resources.resolve("data.sql"), "INSERT INTO vets VALUES (default, 'James', 'Carter');");
		NextBuild nextBuild = new NextBuild(List.of(this.classes));
		nextBuild.mark();
		CompletableFuture<Void> waited = waitOn(nextBuild);
		// the watcher's first burst, reported after its quiet period, is no change
		await().during(Duration.ofMillis(1500)).atMost(BOUND).until(() -> !waited.isDone());
		// a resource counts: a fixed data.sql is what the next start needs
		Files.writeString(resources.resolve("data.sql"),
				"INSERT INTO vets VALUES (default, 'James', 'Carter', 'nick');");
		await().atMost(BOUND).until(waited::isDone);
		assertThat(waited).isCompleted();
	}

	private static CompletableFuture<Void> waitOn(NextBuild nextBuild) {
		return CompletableFuture.runAsync(() -> {
			try {
				nextBuild.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		});
	}

}
