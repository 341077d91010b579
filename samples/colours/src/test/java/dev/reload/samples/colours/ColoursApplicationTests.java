package dev.reload.samples.colours;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.stream.Stream;

import dev.reload.autoconfigure.change.PendingChanges;
import dev.reload.autoconfigure.engine.SourceCompilation;
import dev.reload.samples.support.ClassDirectories;
import dev.reload.samples.support.Http;
import dev.reload.samples.support.SourceEdit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Walks the sample's README: start it, change the colour in the source, save, and the
 * next request shows the new colour while the visit count goes on; a source that does not
 * compile leaves the old colour serving and the error in the endpoint; the reload shows
 * under {@code /actuator/metrics}. It runs on a copy of the compiled sample and of its
 * sources, so the build's own files are left alone.
 *
 * @author reload-spring-boot
 */
class ColoursApplicationTests {

	static final Path COLOURS = Path.of("src/main/java/dev/reload/samples/colours/Colours.java");

	@TempDir
	Path classes;

	@TempDir
	Path sources;

	@Test
	void savedSourceIsServedWithoutACompileCommand() throws Exception {
		ClassDirectories.copy(Path.of("target/classes"), this.classes);
		ClassDirectories.copy(Path.of("src/main/java"), this.sources);
		Path colours = this.sources.resolve(Path.of("src/main/java").relativize(COLOURS));
		// as after a build: the class files are newer than their sources, none of which
		// is stale when the application starts
		try (Stream<Path> files = Files.walk(this.sources)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				Files.setLastModifiedTime(file, FileTime.fromMillis(0));
			}
		}
		try (ConfigurableApplicationContext context = SpringApplication.run(ColoursApplication.class, "--server.port=0",
				"--reload.directories=" + this.classes, "--reload.source-directories=" + this.sources,
				"--spring.main.banner-mode=off")) {
			String base = "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
			assertThat(Http.get(base + "/colour")).isEqualTo("the color is white\n");
			assertThat(Http.get(base + "/greeting")).isEqualTo("Hello, world (visit 1)\n");
			String original = Files.readString(colours);
			SourceCompilation sources = context.getBean(SourceCompilation.class);
			Files.writeString(colours, original.replace("\"white\"", "\"red\""));
			await().atMost(Duration.ofSeconds(20)).until(sources::needsAttention);
			assertThat(Http.get(base + "/colour")).isEqualTo("the color is red\n");
			assertThat(Http.get(base + "/greeting")).isEqualTo("Hello, world (visit 2)\n");
			Files.writeString(colours, original.replace("return \"white\";", "return \"blue\""));
			await().atMost(Duration.ofSeconds(20)).until(sources::needsAttention);
			assertThat(Http.get(base + "/colour")).isEqualTo("the color is red\n");
			assertThat(Http.get(base + "/actuator/reload")).contains("\"outcome\":\"FAILED\"")
				.contains("Colours.java:15: error: ';' expected");
			Files.writeString(colours, original.replace("\"white\"", "\"green\""));
			await().atMost(Duration.ofSeconds(20)).until(sources::needsAttention);
			assertThat(Http.get(base + "/colour")).isEqualTo("the color is green\n");
		}
	}

	@Test
	void changedColourIsServedWithoutARestart() {
		ClassDirectories.copy(Path.of("target/classes"), this.classes);
		try (ConfigurableApplicationContext context = SpringApplication.run(ColoursApplication.class, "--server.port=0",
				"--reload.directories=" + this.classes, "--spring.main.banner-mode=off")) {
			String base = "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
			assertThat(Http.get(base + "/colour")).isEqualTo("the color is white\n");
			assertThat(Http.get(base + "/greeting")).isEqualTo("Hello, world (visit 1)\n");
			SourceEdit.compile(COLOURS, "\"white\"", "\"red\"", this.sources, this.classes, this.classes);
			PendingChanges watcher = context.getBean(PendingChanges.class);
			await().atMost(Duration.ofSeconds(20)).until(watcher::needsAttention);
			// the first request after the watcher noticed the change is served by the new
			// code
			assertThat(Http.get(base + "/colour")).isEqualTo("the color is red\n");
			assertThat(Http.get(base + "/greeting")).isEqualTo("Hello, world (visit 2)\n");
			assertThat(Http.get(base + "/actuator/metrics/reload.reloads?tag=trigger:request&tag=outcome:reloaded"))
				.contains("{\"statistic\":\"COUNT\",\"value\":1.0}");
			assertThat(Http.get(base + "/actuator/metrics/reload.generation")).contains("\"value\":1.0");
		}
	}

}
