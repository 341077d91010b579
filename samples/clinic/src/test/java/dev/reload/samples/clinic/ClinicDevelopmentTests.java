package dev.reload.samples.clinic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

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

	private static final String VET_CONTROLLER = "src/main/java/dev/reload/samples/clinic/vet/VetController.java";

	@TempDir
	Path directory;

	@Test
	void editedConfigurationPropertiesRecordIsBoundAgain() throws IOException {
		ClinicProject project = ClinicProject.copyTo(this.directory.resolve("project"));
		Path run = Files.createDirectories(this.directory.resolve("run"));
		try (ClinicProcess clinic = ClinicProcess.start(run, List.of(), project.classDirectories(),
				"--management.endpoints.web.exposure.include=reload")) {
			assertThat(Http.get(clinic.url("/"))).contains("<h2>Welcome to the clinic</h2>");
			// the record gets a method, and its consumer uses it
			project.edit("src/main/java/dev/reload/samples/clinic/system/ClinicProperties.java", "String welcome) {",
					"String welcome) {\n\n\tpublic String shouted() {\n\t\treturn this.welcome.toUpperCase();\n\t}\n");
			project.edit("src/main/java/dev/reload/samples/clinic/system/WelcomeController.java",
					"this.properties.welcome()", "this.properties.shouted()");
			await().atMost(Duration.ofSeconds(30))
				.until(() -> Http.get(clinic.url("/")).contains("<h2>WELCOME TO THE CLINIC</h2>"));
			assertThat(Http.get(clinic.url("/actuator/reload"))).contains("\"outcome\":\"RELOADED\"");
		}
	}

	@Test
	void editedTemplateAndSourceAreServedOnTheNextRequest() throws IOException {
		ClinicProject project = ClinicProject.copyTo(this.directory.resolve("project"));
		Path run = Files.createDirectories(this.directory.resolve("run"));
		try (ClinicProcess clinic = ClinicProcess.start(run, List.of(), project.classDirectories(),
				"--management.endpoints.web.exposure.include=reload")) {
			assertThat(clinic.output()).contains("was relaunched from the reloadable class loader")
				.contains("edited resources in [" + project.file("src/main/resources") + "] are copied");
			assertThat(Http.get(clinic.url("/"))).contains("<h2>Welcome to the clinic</h2>");
			project.edit("src/main/resources/templates/welcome.html", "<h2 th:text", "<h2 class=\"edited\" th:text");
			await().atMost(Duration.ofSeconds(20)).until(() -> Http.get(clinic.url("/")).contains("class=\"edited\""));
			assertThat(project.classes().resolve("templates/welcome.html")).content().contains("class=\"edited\"");
			project.edit(VET_CONTROLLER, "names.add(vet.getFirstName()", "names.add(\"Dr. \" + vet.getFirstName()");
			await().atMost(Duration.ofSeconds(30))
				.until(() -> Http.get(clinic.url("/vets")).contains("Dr. James Carter"));
		}
	}

}
