package dev.reload.it;

import dev.reload.testsupport.SourceCompiler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code reload.directories}: relative paths, and a directory that appears after
 * start-up.
 *
 * @author reload-spring-boot
 */
@ExtendWith(OutputCaptureExtension.class)
class ReloadDirectoriesIntegrationTests {

	@TempDir
	Path root;

	@Test
	void relativeDirectoryIsResolvedAgainstTheWorkingDirectoryAndShownAbsolute() {
		Path classes = this.root.resolve("classes");
		SourceCompiler.compile(classes, FixtureSources.initial());
		Path relative = Path.of("").toAbsolutePath().relativize(classes);
		assertThat(relative.isAbsolute()).isFalse();
		try (RunningApplication app = RunningApplication.startWith("reload.directories=" + relative)) {
			assertThat(app.status().read("$.settings.directories", List.class)).containsExactly(classes.toString());
			SourceCompiler.compile(classes, FixtureSources.colours("teal"));
			app.awaitChangeNoticed();
			assertThat(app.get("/colour").body()).isEqualTo("the color is teal");
		}
	}

	@Test
	void missingDirectoryIsReportedAndPickedUpWhenItAppears(CapturedOutput output) throws Exception {
		Path classes = this.root.resolve("classes");
		Path later = this.root.resolve("later/classes");
		SourceCompiler.compile(classes, FixtureSources.initial());
		try (RunningApplication app = RunningApplication.startWith("reload.directories=" + classes + "," + later)) {
			assertThat(output).contains("Reload directory " + later + " does not exist");
			Files.createDirectories(later);
			SourceCompiler.compile(later, FixtureSources.shades("from a late directory"), List.of(classes));
			SourceCompiler.compile(classes, FixtureSources.colourController("""
					private final Shades shades;
					public ColourController(Shades shades) { this.shades = shades; }
					""", "@GetMapping(\"/shade\") public String shade() { return this.shades.shade(); }"),
					List.of(later));
			app.awaitChangeNoticed();
			assertThat(app.get("/shade").body()).isEqualTo("from a late directory");
		}
	}

}
