package dev.reload.samples.colours;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import dev.reload.autoconfigure.change.ClassFileWatcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Walks the sample's README: start it, change the colour in the source, compile, and the
 * next request shows the new colour while the visit count goes on. It runs on a copy of
 * the compiled sample, so the build's own output is left alone.
 *
 * @author reload-spring-boot
 */
class ColoursApplicationTests {

	@TempDir
	Path classes;

	@TempDir
	Path sources;

	@Test
	void changedColourIsServedWithoutARestart() throws Exception {
		copy(Path.of("target/classes"), this.classes);
		try (ConfigurableApplicationContext context = SpringApplication.run(ColoursApplication.class, "--server.port=0",
				"--reload.directories=" + this.classes, "--spring.main.banner-mode=off")) {
			String base = "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
			assertThat(get(base + "/colour")).isEqualTo("the color is white\n");
			assertThat(get(base + "/greeting")).isEqualTo("Hello, world (visit 1)\n");
			ColourEdit.compile("red", this.sources, this.classes, this.classes);
			ClassFileWatcher watcher = context.getBean(ClassFileWatcher.class);
			await().atMost(Duration.ofSeconds(20)).until(watcher::needsAttention);
			// the first request after the watcher noticed the change is served by the new
			// code
			assertThat(get(base + "/colour")).isEqualTo("the color is red\n");
			assertThat(get(base + "/greeting")).isEqualTo("Hello, world (visit 2)\n");
		}
	}

	private static String get(String url) throws IOException, InterruptedException {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	private static void copy(Path from, Path to) throws IOException {
		try (Stream<Path> files = Files.walk(from)) {
			for (Path file : files.toList()) {
				Path target = to.resolve(from.relativize(file).toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(file, target);
				}
			}
		}
	}

}
