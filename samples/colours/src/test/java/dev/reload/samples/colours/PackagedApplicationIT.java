package dev.reload.samples.colours;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.reload.samples.support.Http;
import dev.reload.samples.support.SourceEdit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Patches the sample packaged as an executable jar and run with {@code java -jar}: a
 * class file dropped into an overlay directory at its package path replaces the packaged
 * class on the next reload, and removing it brings the packaged class back.
 *
 * @author reload-spring-boot
 */
class PackagedApplicationIT {

	private static final Pattern STARTED = Pattern.compile("Tomcat started on port (\\d+)");

	@TempDir
	Path overlay;

	@TempDir
	Path work;

	@Test
	void overlayClassReplacesThePackagedOneAndItsRemovalRestoresIt() throws Exception {
		Path jar = Path.of(System.getProperty("sample.jar"));
		assertThat(jar).exists();
		Path log = this.work.resolve("app.log");
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process process = new ProcessBuilder(java, "-jar", jar.toString(), "--server.port=0",
				"--reload.directories=" + this.overlay, "--reload.modules=dev.reload.samples.colours.*",
				"--spring.main.banner-mode=off")
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		try {
			String base = "http://localhost:" + awaitPort(process, log);
			assertThat(Http.get(base + "/colour")).isEqualTo("the color is white\n");
			SourceEdit.compile(ColoursApplicationTests.COLOURS, "\"white\"", "\"red\"", this.work, this.overlay,
					Path.of("target/classes"));
			String report = Http.post(base + "/actuator/reload");
			assertThat(report).contains("\"outcome\":\"RELOADED\"")
				.contains("\"changedClasses\":[\"dev.reload.samples.colours.Colours\"]");
			assertThat(Http.get(base + "/colour")).isEqualTo("the color is red\n");
			Files.delete(this.overlay.resolve("dev/reload/samples/colours/Colours.class"));
			assertThat(Http.post(base + "/actuator/reload")).contains("\"outcome\":\"RELOADED\"");
			assertThat(Http.get(base + "/colour")).isEqualTo("the color is white\n");
		}
		finally {
			process.destroy();
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}
	}

	private static int awaitPort(Process process, Path log) {
		int[] port = new int[1];
		await().atMost(Duration.ofSeconds(60)).until(() -> {
			assertThat(process.isAlive()).as("the packaged sample exited; see %s", log).isTrue();
			Matcher matcher = STARTED.matcher(Files.readString(log));
			if (matcher.find()) {
				port[0] = Integer.parseInt(matcher.group(1));
				return true;
			}
			return false;
		});
		return port[0];
	}

}
