package dev.reload.autoconfigure.change;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The resources an application read as it started, compared with what a build wrote
 * since: by content, without templates, static files, what builds write for tools, or the
 * starter's own files.
 *
 * @author reload-spring-boot
 */
class StartupResourcesTests {

	private static final Duration BOUND = Duration.ofSeconds(20);

	@TempDir
	Path classes;

	private StartupResources resources;

	@AfterEach
	void stop() {
		if (this.resources != null) {
			this.resources.stop();
		}
	}

	@Test
	void readsTheResourcesThatCountByContent() throws IOException {
		write("application.yml", "clinic.welcome: Welcome");
		write("db/h2/schema.sql", "CREATE TABLE vets (id INTEGER);");
		write("dev/reload/Vet.class", "class");
		write("templates/welcome.html", "<h2>Welcome</h2>");
		write("static/clinic.css", "h2 {}");
		write("META-INF/build-info.properties", "build.time=1");
		write("META-INF/maven/dev.reload/clinic/pom.properties", "version=1");
		write("git.properties", "git.commit.id=1");
		write("db/h2/.schema.sql.swp", "swap");
		Map<String, String> read = StartupResources.read(List.of(this.classes));
		assertThat(read).containsOnlyKeys("application.yml", "db/h2/schema.sql");
		assertThat(read.get("application.yml")).isEqualTo(ClassFileIndex.sha256("clinic.welcome: Welcome".getBytes()));
	}

	@Test
	void aResourceOverAMegabyteIsToldApartBySizeAndTimeNotRead() throws IOException {
		Path model = write("model/weights.bin", "0".repeat(1024 * 1024 + 1));
		Map<String, String> read = StartupResources.read(List.of(this.classes));
		assertThat(read.get("model/weights.bin")).startsWith("size 1048577, modified ");
		start();
		Files.setLastModifiedTime(model, FileTime.fromMillis(Files.getLastModifiedTime(model).toMillis() + 60_000));
		assertThat(this.resources.changed()).containsExactly("model/weights.bin");
	}

	@Test
	void aBuildThatRewritesAResourceWithTheSameContentIsNoChange() throws IOException {
		write("application.yml", "clinic.welcome: Welcome");
		start();
		write("application.yml", "clinic.welcome: Welcome");
		write("templates/welcome.html", "<h2>Edited</h2>");
		write("META-INF/build-info.properties", "build.time=2");
		assertThat(this.resources.changed()).isEmpty();
	}

	@Test
	void addedChangedAndRemovedResourcesAreChangesOnceSettled() throws Exception {
		write("application.yml", "clinic.welcome: Welcome");
		write("db/h2/data.sql", "INSERT INTO vets VALUES (1);");
		start();
		AtomicInteger changes = new AtomicInteger();
		this.resources.onChange(changes::incrementAndGet);
		// the first burst, of every file, is no change
		await().atMost(BOUND).until(() -> !this.resources.needsAttention());
		assertThat(changes).hasValue(0);
		write("application.yml", "clinic.welcome: Welcome back");
		write("messages/messages.properties", "welcome=Welcome");
		Files.delete(this.classes.resolve("db/h2/data.sql"));
		await().atMost(BOUND).until(() -> changes.get() > 0);
		assertThat(this.resources.awaitSettled(System.nanoTime() + BOUND.toNanos())).isTrue();
		assertThat(this.resources.needsAttention()).isTrue();
		assertThat(this.resources.changed()).containsExactly("application.yml", "db/h2/data.sql",
				"messages/messages.properties");
	}

	@Test
	void theTouchFileInAClassDirectoryIsNoChange() throws IOException {
		Path touchFile = write("reload.touch", "1");
		this.resources = StartupResources.watched(List.of(this.classes), StartupResources.read(List.of(this.classes)),
				Set.of(touchFile), Duration.ofMillis(10));
		write("reload.touch", "2");
		assertThat(this.resources.changed()).isEmpty();
	}

	@Test
	void unwatchedResourcesNeverChange() throws IOException {
		write("application.yml", "clinic.welcome: Welcome");
		this.resources = StartupResources.unwatched();
		this.resources.start();
		write("application.yml", "clinic.welcome: Welcome back");
		assertThat(this.resources.isRunning()).isFalse();
		assertThat(this.resources.needsAttention()).isFalse();
		assertThat(this.resources.changed()).isEmpty();
	}

	private void start() {
		this.resources = StartupResources.watched(List.of(this.classes), StartupResources.read(List.of(this.classes)),
				Set.of(), Duration.ofMillis(10));
		this.resources.start();
	}

	private Path write(String name, String content) throws IOException {
		Path file = this.classes.resolve(name);
		Files.createDirectories(file.getParent());
		return Files.writeString(file, content);
	}

}
