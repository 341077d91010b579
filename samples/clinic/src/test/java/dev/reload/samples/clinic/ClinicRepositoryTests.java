package dev.reload.samples.clinic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import dev.reload.samples.support.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A query method added to a Spring Data repository, and an endpoint that uses it, in one
 * save: the repository bean is rebuilt in place from the new interface with its
 * consumers, on the next request, without a restart; the derived query runs against the
 * data the running application holds. A query Spring Data cannot derive fails the reload,
 * naming the method, and the old repository keeps serving. A path variable that Spring
 * Data's web support converts to an entity goes through the rebuilt repository. A
 * repository with a custom implementation, whose proxy holds the implementation it was
 * made with, restarts.
 *
 * @author reload-spring-boot
 */
class ClinicRepositoryTests {

	private static final String VET_CONTROLLER = "src/main/java/dev/reload/samples/clinic/vet/VetController.java";

	private static final String VET_REPOSITORY = "src/main/java/dev/reload/samples/clinic/vet/VetRepository.java";

	private static final String VET_FRAGMENT = "src/main/java/dev/reload/samples/clinic/vet/VetRepositoryCustom.java";

	private static final String VET_FRAGMENT_IMPLEMENTATION = "src/main/java/dev/reload/samples/clinic/vet/VetRepositoryCustomImpl.java";

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	@TempDir
	Path directory;

	@Test
	void addedQueryMethodIsServedInPlace() throws IOException {
		ClinicProject project = ClinicProject.copyTo(this.directory.resolve("project"));
		Path run = Files.createDirectories(this.directory.resolve("run"));
		try (ClinicProcess clinic = ClinicProcess.start(run, List.of(), project.classDirectories(),
				"--management.endpoints.web.exposure.include=reload")) {
			assertThat(Http.get(clinic.url("/vets"))).isEqualTo("[\"James Carter\"]");
			addQueryMethod(project, "List<Vet> findByLastName(String lastName);");
			project.edit(VET_CONTROLLER, "	@GetMapping(\"/vets\")", """
					@GetMapping("/vets/count")
					int count(@org.springframework.web.bind.annotation.RequestParam String lastName) {
						return this.vets.findByLastName(lastName).size();
					}

					@GetMapping("/vets")""");
			String count = clinic.url("/vets/count?lastName=Carter");
			await().atMost(TIMEOUT).ignoreExceptions().until(() -> Http.get(count).equals("1"));
			assertThat(Http.get(clinic.url("/vets/count?lastName=Nobody"))).isEqualTo("0");
			assertThat(Http.get(clinic.url("/vets"))).isEqualTo("[\"James Carter\"]");
			DocumentContext status = JsonPath.parse(Http.get(clinic.url("/actuator/reload")));
			assertThat(status.read("$.history[0].outcome", String.class)).isEqualTo("RELOADED");
			assertThat(status.read("$.history[0].rebuiltBeans", List.class)).contains("vetController", "vetRepository");
			// and again: the rebuilt repository is rebuilt the next time too
			addQueryMethod(project, "long countByLastName(String lastName);");
			await().atMost(TIMEOUT)
				.until(() -> Http.get(count).equals("1") && JsonPath.parse(Http.get(clinic.url("/actuator/reload")))
					.read("$.generation", Integer.class) == 2);
			status = JsonPath.parse(Http.get(clinic.url("/actuator/reload")));
			assertThat(status.read("$.history[0].outcome", String.class)).isEqualTo("RELOADED");
			assertThat(status.read("$.history[0].rebuiltBeans", List.class)).contains("vetRepository");
			assertThat(clinic.output()).doesNotContain("Restarted dev.reload.samples.clinic.ClinicApplication");
		}
	}

	@Test
	void queryMethodThatCannotBeDerivedFailsNamingItAndTheOldRepositoryServes() throws IOException {
		ClinicProject project = ClinicProject.copyTo(this.directory.resolve("project"));
		Path run = Files.createDirectories(this.directory.resolve("run"));
		try (ClinicProcess clinic = ClinicProcess.start(run, List.of(), project.classDirectories(),
				"--management.endpoints.web.exposure.include=reload")) {
			assertThat(Http.get(clinic.url("/vets"))).isEqualTo("[\"James Carter\"]");
			addQueryMethod(project, "List<Vet> findByShoeSize(int shoeSize);");
			await().atMost(TIMEOUT)
				.until(() -> Http.get(clinic.url("/vets")) != null
						&& Http.get(clinic.url("/actuator/reload")).contains("FAILED"));
			DocumentContext status = JsonPath.parse(Http.get(clinic.url("/actuator/reload")));
			assertThat(status.read("$.lastReload.error", String.class)).contains("vetRepository")
				.contains("findByShoeSize");
			assertThat(status.read("$.generation", Integer.class)).isZero();
			assertThat(Http.get(clinic.url("/vets"))).isEqualTo("[\"James Carter\"]");
		}
	}

	@Test
	void pathVariableConvertedByTheRepositoryUsesTheRebuiltRepository() throws IOException {
		ClinicProject project = ClinicProject.copyTo(this.directory.resolve("project"));
		project.edit(VET_REPOSITORY, "Vet save(Vet vet);", """
				Vet save(Vet vet);

					@org.springframework.data.jpa.repository.Query("select v from Vet v where v.id = ?1")
					java.util.Optional<Vet> findById(Integer id);""");
		// Spring Data's web support converts the path variable with the repository
		project.edit(VET_CONTROLLER, "	@GetMapping(\"/vets\")",
				"""
						@GetMapping("/vets/{id}/name")
						String name(@org.springframework.web.bind.annotation.PathVariable(name = "id", required = false) Vet vet) {
							return (vet != null) ? vet.getFirstName() : "none";
						}

						@GetMapping("/vets")""");
		project.build();
		Path run = Files.createDirectories(this.directory.resolve("run"));
		try (ClinicProcess clinic = ClinicProcess.start(run, List.of(), project.classDirectories(),
				"--management.endpoints.web.exposure.include=reload")) {
			String name = clinic.url("/vets/1/name");
			assertThat(Http.get(name)).isEqualTo("James");
			project.edit(VET_REPOSITORY, "where v.id = ?1\"", "where v.id = ?1 and v.lastName = 'Nobody'\"");
			await().atMost(TIMEOUT)
				.until(() -> Http.get(name) != null && JsonPath.parse(Http.get(clinic.url("/actuator/reload")))
					.read("$.generation", Integer.class) == 1);
			DocumentContext status = JsonPath.parse(Http.get(clinic.url("/actuator/reload")));
			assertThat(status.read("$.history[0].outcome", String.class)).isEqualTo("RELOADED");
			assertThat(Http.get(name)).isEqualTo("none");
		}
	}

	@Test
	void repositoryWithACustomImplementationRestartsWhenTheImplementationChanges() throws IOException {
		ClinicProject project = ClinicProject.copyTo(this.directory.resolve("project"));
		project.write(VET_FRAGMENT, """
				package dev.reload.samples.clinic.vet;

				public interface VetRepositoryCustom {

					String motto();

				}
				""");
		project.write(VET_FRAGMENT_IMPLEMENTATION, """
				package dev.reload.samples.clinic.vet;

				class VetRepositoryCustomImpl implements VetRepositoryCustom {

					@Override
					public String motto() {
						return "first, do no harm";
					}

				}
				""");
		project.edit(VET_REPOSITORY, "extends Repository<Vet, Integer>",
				"extends Repository<Vet, Integer>, VetRepositoryCustom");
		project.build();
		Path run = Files.createDirectories(this.directory.resolve("run"));
		try (ClinicProcess clinic = ClinicProcess.start(run, List.of(), project.classDirectories(),
				"--management.endpoints.web.exposure.include=reload")) {
			assertThat(Http.get(clinic.url("/vets"))).isEqualTo("[\"James Carter\"]");
			project.edit(VET_FRAGMENT_IMPLEMENTATION, "first, do no harm", "primum non nocere");
			// a request after the change is seen applies it: the application restarts,
			// and
			// answers again
			await().atMost(TIMEOUT).ignoreExceptions().until(() -> {
				Http.get(clinic.url("/vets"));
				return clinic.output().contains("Restarted dev.reload.samples.clinic.ClinicApplication in");
			});
			DocumentContext status = await().atMost(TIMEOUT)
				.ignoreExceptions()
				.until(() -> JsonPath.parse(Http.get(clinic.url("/actuator/reload"))), (answer) -> true);
			assertThat(status.read("$.history[0].outcome", String.class)).isEqualTo("RESTARTED");
			assertThat(status.read("$.history[0].error", String.class))
				.contains("dev.reload.samples.clinic.vet.VetRepositoryCustomImpl (a custom implementation of the "
						+ "Spring Data repository dev.reload.samples.clinic.vet.VetRepository)");
		}
	}

	private static void addQueryMethod(ClinicProject project, String method) throws IOException {
		project.edit(VET_REPOSITORY, "Vet save(Vet vet);", "Vet save(Vet vet);\n\n\t" + method);
		project.edit(VET_REPOSITORY, "package dev.reload.samples.clinic.vet;",
				"package dev.reload.samples.clinic.vet;\n\nimport java.util.List;");
	}

}
