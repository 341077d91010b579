package dev.reload.samples.clinic;

import java.nio.file.Path;
import java.util.List;

import dev.reload.samples.support.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * With the starter on and nothing reloaded, the clinic cannot be told apart from the same
 * clinic with {@code reload.enabled=false}: the same beans with the same scopes and
 * dependencies, the same callbacks in the same order, from start-up to shutdown, and one
 * class per name, entity classes included (what kept Spring PetClinic from starting).
 *
 * @author reload-spring-boot
 */
class ClinicContractsTests {

	@TempDir
	Path on;

	@TempDir
	Path off;

	@Test
	void behavesAsWithoutTheStarterUntilSomethingIsReloaded() {
		Run withReloading = run(this.on);
		Run withoutReloading = run(this.off, "--reload.enabled=false");
		assertThat(withReloading.output()).contains("was relaunched from the reloadable class loader");
		assertThat(withoutReloading.output()).contains("Class reloading is off: reload.enabled is false");
		assertThat(withReloading.pages()).isEqualTo(withoutReloading.pages());
		assertThat(withReloading.beans()).isEqualTo(withoutReloading.beans()).isNotEmpty();
		assertThat(withReloading.events()).isEqualTo(withoutReloading.events());
		assertThat(withReloading.exitCode()).isEqualTo(withoutReloading.exitCode());
		// every class of the clinic, entities and main class included, from one loader
		assertThat(withReloading.loaders()).isNotEmpty()
			.allSatisfy((line) -> assertThat(line).endsWith(" reload-generation-0"));
		assertThat(withoutReloading.loaders()).allSatisfy((line) -> assertThat(line).endsWith(" app"));
	}

	@Test
	void callbacksComeInSpringsOrderFromStartUpToShutdown() {
		List<String> events = run(this.on).events();
		assertThat(events).containsSubsequence("audit created",
				"after singletons instantiated, welcome=Welcome to " + "the clinic", "lifecycle 10 start",
				"lifecycle 20 start", "component lifecycle start", "application runner", "command line runner", "ready",
				"component lifecycle stop", "lifecycle 20 stop", "lifecycle 10 stop", "report destroyed, owners=2",
				"audit destroyed, owners=2");
		assertThat(events).containsOnlyOnce("ready", "application runner");
	}

	@Test
	void reloadDirectoryOnTheClassPathOfATestIsOneClearError() {
		// a test framework loads the application's classes itself: reloading them too
		// would give each name two classes
		assertThatIllegalStateException()
			.isThrownBy(() -> SpringApplication.run(ClinicApplication.class, "--server.port=0",
					"--reload.directories=" + System.getProperty("clinic.classes")))
			.withMessageContaining("Cannot reload")
			.withMessageContaining("are on the application class path");
	}

	private static Run run(Path directory, String... args) {
		try (ClinicProcess clinic = ClinicProcess.start(directory, args)) {
			List<String> pages = List.of(Http.get(clinic.url("/")), Http.get(clinic.url("/owners")),
					Http.get(clinic.url("/vets")));
			assertThat(pages.get(0)).contains("Welcome to the clinic");
			assertThat(pages.get(1)).contains("George Franklin (Madison, 1 pets)", "Betty Davis (Sun Prairie, 1 pets)");
			assertThat(pages.get(2)).isEqualTo("[\"James Carter\"]");
			// identity hashes and the numbers Spring Data gives its generated beans in
			// the
			// order it happens to register them differ from one JVM to the next
			String beans = Http.get(clinic.url("/probe/beans")).replaceAll("@[0-9a-f]+", "@").replaceAll("#\\d+", "#");
			List<String> loaders = List
				.of(Http.get(clinic.url("/probe/loaders")).replaceAll("[\\[\\]\"]", "").split(","));
			int exitCode = clinic.stop();
			return new Run(clinic.output(), pages, beans, loaders, clinic.events(), exitCode);
		}
	}

	private record Run(String output, List<String> pages, String beans, List<String> loaders, List<String> events,
			int exitCode) {

	}

}
