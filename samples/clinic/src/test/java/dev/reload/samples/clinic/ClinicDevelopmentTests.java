package dev.reload.samples.clinic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import dev.reload.samples.support.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The clinic as a developer runs it from a Maven project ({@code target/classes}, sources
 * in {@code src/main}): an edited Thymeleaf template and an edited controller source are
 * served on the next request, with no build step; template caching is off for such a run
 * unless the application sets it.
 *
 * @author reload-spring-boot
 */
class ClinicDevelopmentTests {

	@TempDir
	Path project;

	@Test
	void editedTemplateAndSourceAreServedOnTheNextRequest() throws IOException {
		Path classes = this.project.resolve("target/classes");
		Path testClasses = this.project.resolve("target/test-classes");
		copy(Path.of(System.getProperty("clinic.classes")), classes);
		copy(Path.of(System.getProperty("clinic.test-classes")), testClasses);
		copy(Path.of("src/main/java"), this.project.resolve("src/main/java"));
		copy(Path.of("src/main/resources"), this.project.resolve("src/main/resources"));
		Path run = Files.createDirectories(this.project.resolve("run"));
		try (ClinicProcess clinic = ClinicProcess.start(run, List.of(), List.of(classes, testClasses),
				"--management.endpoints.web.exposure.include=reload")) {
			assertThat(clinic.output()).contains("was relaunched from the reloadable class loader")
				.contains("edited templates and static files in [" + this.project.resolve("src/main/resources")
						+ "] are copied");
			assertThat(Http.get(clinic.url("/"))).contains("<h2>Welcome to the clinic</h2>");
			Path template = this.project.resolve("src/main/resources/templates/welcome.html");
			Files.writeString(template, Files.readString(template)
				.replace("<h2 th:text=\"${welcome}\">", "<h2 class=\"edited\" th:text=\"${welcome}\">"));
			await().atMost(Duration.ofSeconds(20)).until(() -> Http.get(clinic.url("/")).contains("class=\"edited\""));
			assertThat(classes.resolve("templates/welcome.html")).content().contains("class=\"edited\"");
			Path controller = this.project.resolve("src/main/java/dev/reload/samples/clinic/vet/VetController.java");
			String source = Files.readString(controller);
			assertThat(source).contains("vet.getFirstName() + \" \" + vet.getLastName()");
			Files.writeString(controller, source.replace("vet.getFirstName() + \" \" + vet.getLastName()",
					"\"Dr. \" + vet.getFirstName() + \" \" + vet.getLastName()"));
			await().atMost(Duration.ofSeconds(30))
				.until(() -> Http.get(clinic.url("/vets")).contains("Dr. James Carter"));
		}
	}

	private static void copy(Path from, Path to) {
		// as after a build: the sources are older than what was compiled from them
		FileTime built = FileTime.fromMillis(System.currentTimeMillis() - 60_000);
		try (Stream<Path> paths = Files.walk(from)) {
			for (Path path : paths.filter(Files::isRegularFile).toList()) {
				Path target = to.resolve(from.relativize(path).toString());
				Files.createDirectories(target.getParent());
				Files.copy(path, target);
				if (!target.toString().endsWith(".class")) {
					Files.setLastModifiedTime(target, built);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
