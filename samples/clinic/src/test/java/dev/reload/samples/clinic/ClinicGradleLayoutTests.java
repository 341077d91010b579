package dev.reload.samples.clinic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.jayway.jsonpath.JsonPath;
import dev.reload.samples.support.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The clinic laid out as Gradle builds it ({@code build/classes/java/main} and
 * {@code build/resources/main}, sources in {@code src/main/java}), started as
 * {@code bootRun} starts it: reloading is on out of the box, with the source directory
 * found by Gradle's conventions. No Gradle is needed: the layout is what counts.
 *
 * @author reload-spring-boot
 */
class ClinicGradleLayoutTests {

	@TempDir
	Path project;

	@Test
	void gradleLayoutReloadsOutOfTheBox() throws IOException {
		Path classes = this.project.resolve("build/classes/java/main");
		Path resources = this.project.resolve("build/resources/main");
		Path testClasses = this.project.resolve("build/classes/java/test");
		Path sources = Files.createDirectories(this.project.resolve("src/main/java"));
		copy(Path.of(System.getProperty("clinic.classes")), classes, true);
		copy(Path.of(System.getProperty("clinic.classes")), resources, false);
		copy(Path.of(System.getProperty("clinic.test-classes")), testClasses, true);
		Path run = Files.createDirectories(this.project.resolve("run"));
		try (ClinicProcess clinic = ClinicProcess.start(run, List.of(), List.of(classes, resources, testClasses),
				"--management.endpoints.web.exposure.include=reload")) {
			assertThat(clinic.output()).contains("was relaunched from the reloadable class loader");
			assertThat(Http.get(clinic.url("/owners"))).contains("George Franklin");
			String settings = Http.get(clinic.url("/actuator/reload"));
			List<String> directories = JsonPath.parse(settings).read("$.settings.directories");
			assertThat(directories).contains(classes.toString(), resources.toString());
			List<String> sourceDirectories = JsonPath.parse(settings).read("$.settings.sourceDirectories");
			assertThat(sourceDirectories).containsExactly(sources.toString());
			assertThat(Http.get(clinic.url("/vets"))).isEqualTo("[\"James Carter\"]");
			Path source = sources.resolve("dev/reload/samples/clinic/vet/VetController.java");
			Files.createDirectories(source.getParent());
			Files.writeString(source, VET_CONTROLLER);
			compile(source, classes);
			await().atMost(java.time.Duration.ofSeconds(20))
				.until(() -> Http.get(clinic.url("/vets")).equals("[\"Dr. James Carter\"]"));
		}
	}

	private static void compile(Path source, Path classes) {
		int result = javax.tools.ToolProvider.getSystemJavaCompiler()
			.run(null, null, null, "-parameters", "-proc:none", "-d", classes.toString(), "-cp",
					ClinicProcess.classpath(), source.toString());
		assertThat(result).as("javac's result").isZero();
	}

	private static void copy(Path from, Path to, boolean classFiles) {
		try (Stream<Path> paths = Files.walk(from)) {
			for (Path path : paths.filter(Files::isRegularFile).toList()) {
				if (path.toString().endsWith(".class") == classFiles) {
					Path target = to.resolve(from.relativize(path).toString());
					Files.createDirectories(target.getParent());
					Files.copy(path, target);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static final String VET_CONTROLLER = """
			package dev.reload.samples.clinic.vet;

			import java.util.ArrayList;
			import java.util.List;

			import org.springframework.web.bind.annotation.GetMapping;
			import org.springframework.web.bind.annotation.RestController;

			@RestController
			class VetController {

				private final VetRepository vets;

				VetController(VetRepository vets) {
					this.vets = vets;
				}

				@GetMapping("/vets")
				List<String> vets() {
					List<String> names = new ArrayList<>();
					this.vets.findAll().forEach((vet) -> names.add("Dr. " + vet.getFirstName() + " " + vet.getLastName()));
					return names;
				}

			}
			""";

}
