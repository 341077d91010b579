package dev.reload.samples.clinic;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import dev.reload.samples.support.Http;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A change to the code of a JPA entity rebuilds the persistence unit and the repositories
 * in place, keeping the schema and its data; a change to an entity's mapping cannot be
 * applied in place, and restarts the clinic in-process from the class files on disk, on
 * the port it had, reported as {@code RESTARTED}; later changes reload as before. With
 * {@code reload.restart=never}, the mapping change fails naming the entity and the old
 * code keeps serving.
 *
 * @author reload-spring-boot
 */
class ClinicRestartTests {

	private static final String VET = "src/main/java/dev/reload/samples/clinic/vet/Vet.java";

	private static final String SAMPLE_DATA = "src/main/java/dev/reload/samples/clinic/system/SampleData.java";

	private static final String VET_CONTROLLER = "src/main/java/dev/reload/samples/clinic/vet/VetController.java";

	private static final String TITLE = "\t@jakarta.persistence.Transient\n\tpublic String getTitle() {\n\t\treturn \"Dr.\";\n\t}\n";

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	@TempDir
	Path directory;

	@Test
	void entityCodeChangeRebuildsThePersistenceUnitAndMappingChangeRestarts() throws IOException {
		ClinicProject project = ClinicProject.copyTo(this.directory.resolve("project"));
		try (ClinicProcess clinic = start(project)) {
			String vets = clinic.url("/vets");
			assertThat(Http.get(vets)).isEqualTo("[\"James Carter\"]");
			// an entity gets a helper, and the controller uses it: one save, in place
			project.edit(VET, "public class Vet extends Person {", "public class Vet extends Person {\n\n" + TITLE);
			project.edit(VET_CONTROLLER, "names.add(vet.getFirstName()",
					"names.add(vet.getTitle() + \" \" + vet.getFirstName()");
			await().atMost(TIMEOUT).ignoreExceptions().until(() -> Http.get(vets).equals("[\"Dr. James Carter\"]"));
			DocumentContext status = JsonPath.parse(Http.get(clinic.url("/actuator/reload")));
			assertThat(status.read("$.history[0].outcome", String.class)).as(status::jsonString).isEqualTo("RELOADED");
			assertThat(status.read("$.history[0].rebuiltBeans", List.class)).contains("vetController", "vetRepository",
					"ownerRepository", "jpaMappingContext");
			// the replaced unit closes without dropping the tables the new one uses
			await().atMost(TIMEOUT).until(() -> clinic.output().contains("Closed the replaced persistence unit"));
			assertThat(Http.get(vets)).isEqualTo("[\"Dr. James Carter\"]");
			assertThat(Http.get(clinic.url("/owners"))).contains("Franklin");
			// a new persistent field changes the mapping: restarted in-process
			project.edit(VET, TITLE, TITLE + "\n\tprivate String nickname = \"\";\n");
			project.edit(VET_CONTROLLER, "vet.getTitle() + \" \"", "vet.getTitle() + \"~\"");
			await().atMost(TIMEOUT).ignoreExceptions().until(() -> Http.get(vets).equals("[\"Dr.~James Carter\"]"));
			status = JsonPath.parse(Http.get(clinic.url("/actuator/reload")));
			assertThat(status.read("$.history[0].outcome", String.class)).isEqualTo("RESTARTED");
			assertThat(status.read("$.history[0].error", String.class)).contains(
					"dev.reload.samples.clinic.vet.Vet (a JPA entity, whose mapping changed: its persistent fields changed)");
			assertThat(clinic.output()).contains("Restarted dev.reload.samples.clinic.ClinicApplication in");
			// the restarted application reloads in place as before
			project.edit(VET_CONTROLLER, "vet.getTitle() + \"~\"", "vet.getTitle() + \"-\"");
			await().atMost(TIMEOUT).until(() -> Http.get(vets).equals("[\"Dr.-James Carter\"]"));
			status = JsonPath.parse(Http.get(clinic.url("/actuator/reload")));
			assertThat(status.read("$.history[0].outcome", String.class)).isEqualTo("RELOADED");
			assertThat(status.read("$.history[1].outcome", String.class)).isEqualTo("RESTARTED");
		}
	}

	@Test
	@Tag("jdk-neutral")
	void restartWhoseApplicationDoesNotStartStartsAgainAfterTheNextBuild() throws IOException {
		ClinicProject project = ClinicProject.copyTo(this.directory.resolve("project"));
		try (ClinicProcess clinic = start(project)) {
			String vets = clinic.url("/vets");
			assertThat(Http.get(vets)).isEqualTo("[\"James Carter\"]");
			// a mapping change restarts, and the new start-up code throws
			project.edit(VET, "public class Vet extends Person {",
					"public class Vet extends Person {\n\n\tprivate String nickname = \"\";\n");
			String startUp = "public void afterSingletonsInstantiated() {";
			String broken = startUp
					+ "\n\t\tif (true) {\n\t\t\tthrow new IllegalStateException(\"no sample data\");\n\t\t}";
			project.edit(SAMPLE_DATA, startUp, broken);
			// the next request compiles the sources and restarts
			Http.send(HttpRequest.newBuilder(URI.create(vets)).GET());
			await().atMost(TIMEOUT).until(() -> clinic.output().contains("The restarted application did not start"));
			assertThat(clinic.output()).contains("no sample data");
			assertThat(clinic.isAlive()).as("the JVM stays up").isTrue();
			// the fix, built: the application starts again, with no one restarting it
			project.edit(SAMPLE_DATA, broken, startUp);
			project.build();
			await().atMost(TIMEOUT).ignoreExceptions().until(() -> Http.get(vets).equals("[\"James Carter\"]"));
			assertThat(clinic.output()).contains("Restarted dev.reload.samples.clinic.ClinicApplication in");
		}
	}

	@Test
	void resourceReadAtStartUpRestartsWhenABuildChangesItAndATemplateDoesNot() throws IOException {
		ClinicProject project = ClinicProject.copyTo(this.directory.resolve("project"));
		try (ClinicProcess clinic = start(project)) {
			String welcome = clinic.url("/");
			String vets = clinic.url("/vets");
			assertThat(Http.get(welcome)).contains("Welcome to the clinic");
			// Maven copies an edited application.yml, which only a new start reads, then
			// deletes every class file and has javac write them again
			Map<Path, byte[]> compiled = deleteClassFiles(project.classes().resolve("dev/reload/samples/clinic/vet"));
			Path configuration = project.classes().resolve("application.yml");
			Files.writeString(configuration,
					Files.readString(configuration).replace("Welcome to the clinic", "Welcome back"));
			// no restart from half a build: the old code answers meanwhile
			oldCodeAnswersUntilTheBuildEnds(() -> Http.get(welcome).contains("Welcome to the clinic"), compiled);
			await().atMost(TIMEOUT).ignoreExceptions().until(() -> Http.get(welcome).contains("Welcome back"));
			assertThat(Http.get(vets)).isEqualTo("[\"James Carter\"]");
			DocumentContext status = JsonPath.parse(Http.get(clinic.url("/actuator/reload")));
			assertThat(status.read("$.history[0].outcome", String.class)).as(status::jsonString).isEqualTo("RESTARTED");
			assertThat(status.read("$.history[0].error", String.class))
				.isEqualTo("Restarted: [application.yml] changed, which the application read as it started");
			// a template is read again on each request: served as it is, no restart
			Path template = project.classes().resolve("templates/welcome.html");
			Files.writeString(template, Files.readString(template).replace("<h2", "<h2 class=\"edited\""));
			await().atMost(TIMEOUT).until(() -> Http.get(welcome).contains("class=\"edited\""));
			status = JsonPath.parse(Http.get(clinic.url("/actuator/reload")));
			List<String> outcomes = status.read("$.history[*].outcome");
			assertThat(outcomes).as(status::jsonString).containsExactly("RESTARTED");
			assertThat(clinic.output()).containsOnlyOnce("Restarted dev.reload.samples.clinic.ClinicApplication in");
		}
	}

	@Test
	void mappingChangeDuringABuildRestartsOnceTheBuildHasRewrittenTheClassFiles() throws IOException {
		ClinicProject project = ClinicProject.copyTo(this.directory.resolve("project"));
		try (ClinicProcess clinic = start(project)) {
			String vets = clinic.url("/vets");
			assertThat(Http.get(vets)).isEqualTo("[\"James Carter\"]");
			// Maven's compiler has deleted the owner classes, javac has not written them
			// yet
			Map<Path, byte[]> owners = deleteClassFiles(project.classes().resolve("dev/reload/samples/clinic/owner"));
			// meanwhile a request compiles a saved mapping change, which needs a restart
			project.edit(VET, "public class Vet extends Person {",
					"public class Vet extends Person {\n\n\tprivate String nickname = \"\";\n");
			project.edit(VET_CONTROLLER, "names.add(vet.getFirstName()", "names.add(\"~\" + vet.getFirstName()");
			// no start from half a build: the old code answers
			oldCodeAnswersUntilTheBuildEnds(() -> Http.get(vets).equals("[\"James Carter\"]"), owners);
			await().atMost(TIMEOUT).ignoreExceptions().until(() -> Http.get(vets).equals("[\"~James Carter\"]"));
			DocumentContext status = JsonPath.parse(Http.get(clinic.url("/actuator/reload")));
			assertThat(status.read("$.history[0].outcome", String.class)).as(status::jsonString).isEqualTo("RESTARTED");
			assertThat(Http.get(clinic.url("/owners"))).contains("Franklin");
		}
	}

	@Test
	void entityChangeFailsNamingItWhenRestartsAreOff() throws IOException {
		ClinicProject project = ClinicProject.copyTo(this.directory.resolve("project"));
		try (ClinicProcess clinic = start(project, "--reload.restart=never")) {
			project.edit(VET, "public class Vet extends Person {",
					"public class Vet extends Person {\n\n\tprivate String nickname = \"\";\n");
			// the next request compiles the source and tries the reload
			await().atMost(TIMEOUT)
				.until(() -> Http.get(clinic.url("/vets")) != null
						&& Http.get(clinic.url("/actuator/reload")).contains("FAILED"));
			assertThat(Http.get(clinic.url("/vets"))).isEqualTo("[\"James Carter\"]");
			DocumentContext status = JsonPath.parse(Http.get(clinic.url("/actuator/reload")));
			assertThat(status.read("$.lastReload.error", String.class)).contains("need a restart")
				.contains("dev.reload.samples.clinic.vet.Vet (a JPA entity, whose mapping changed");
			assertThat(clinic.output()).doesNotContain("Restarted dev.reload.samples.clinic.ClinicApplication");
		}
	}

	/**
	 * Check for a while that the old code answers, then write the deleted class files
	 * again, as javac does at the end of the build.
	 */
	private static void oldCodeAnswersUntilTheBuildEnds(Callable<Boolean> oldCodeAnswers, Map<Path, byte[]> deleted)
			throws IOException {
		await().during(Duration.ofMillis(1500)).atMost(TIMEOUT).until(oldCodeAnswers);
		for (Map.Entry<Path, byte[]> file : deleted.entrySet()) {
			Files.write(file.getKey(), file.getValue());
		}
	}

	/**
	 * Delete the class files of a package as Maven's compiler does before javac writes
	 * them again, returning their content.
	 */
	private static Map<Path, byte[]> deleteClassFiles(Path packageDirectory) throws IOException {
		Map<Path, byte[]> deleted = new HashMap<>();
		try (Stream<Path> files = Files.list(packageDirectory)) {
			for (Path file : files.toList()) {
				deleted.put(file, Files.readAllBytes(file));
				Files.delete(file);
			}
		}
		return deleted;
	}

	private ClinicProcess start(ClinicProject project, String... args) throws IOException {
		Path run = Files.createDirectories(this.directory.resolve("run"));
		List<String> all = new ArrayList<>(List.of("--management.endpoints.web.exposure.include=reload"));
		all.addAll(List.of(args));
		return ClinicProcess.start(run, List.of(), project.classDirectories(), all.toArray(String[]::new));
	}

}
