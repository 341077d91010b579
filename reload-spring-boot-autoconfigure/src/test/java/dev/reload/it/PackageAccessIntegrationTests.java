package dev.reload.it;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.DocumentContext;
import dev.reload.testsupport.SourceCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A changed class that uses a package-private class, or a package-private member of a
 * public one, of its own package: the JVM allows that only within one class loader, so
 * those classes are redefined in the new generation with it, and the next request does
 * not fail with {@code IllegalAccessError}.
 *
 * @author reload-spring-boot
 */
class PackageAccessIntegrationTests {

	@TempDir
	Path classes;

	@Test
	void classesReachedWithPackageAccessMoveToTheNewGeneration() {
		Map<String, String> sources = new LinkedHashMap<>(FixtureSources.initial());
		sources.putAll(SourceCompiler.of(FixtureSources.PACKAGE + "Tone", """
				package dev.reload.it.fixture.app;

				record Tone(String name) {
				}
				""", FixtureSources.PACKAGE + "Shade", """
				package dev.reload.it.fixture.app;

				public final class Shade {
					static String of(String colour) {
						return "light " + colour;
					}
				}
				"""));
		sources.putAll(toneController("first"));
		SourceCompiler.compile(this.classes, sources);
		try (RunningApplication app = RunningApplication.start(this.classes)) {
			assertThat(app.get("/tone").body()).isEqualTo("first light blue");
			SourceCompiler.compile(this.classes, toneController("second"));
			DocumentContext report = app.reloadNow();
			assertThat(report.read("$.outcome", String.class)).isEqualTo("RELOADED");
			assertThat(report.read("$.changedClasses", List.class))
				.containsExactly(FixtureSources.PACKAGE + "ToneController");
			assertThat(app.get("/tone").statusCode()).isEqualTo(200);
			assertThat(app.get("/tone").body()).isEqualTo("second light blue");
		}
	}

	private static Map<String, String> toneController(String label) {
		return SourceCompiler.of(FixtureSources.PACKAGE + "ToneController", """
				package dev.reload.it.fixture.app;

				import org.springframework.web.bind.annotation.GetMapping;
				import org.springframework.web.bind.annotation.RestController;

				@RestController
				class ToneController {
					@GetMapping("/tone")
					String tone() {
						return new Tone("%s").name() + " " + Shade.of("blue");
					}
				}
				""".formatted(label));
	}

}
