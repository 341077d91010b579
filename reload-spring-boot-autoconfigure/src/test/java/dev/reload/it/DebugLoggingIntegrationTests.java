package dev.reload.it;

import java.nio.file.Path;

import dev.reload.testsupport.SourceCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code reload.debug}: a line per reloaded class and rebuilt bean with it, one line per
 * reload without it, and nothing per request either way.
 *
 * @author reload-spring-boot
 */
@ExtendWith(OutputCaptureExtension.class)
class DebugLoggingIntegrationTests {

	@TempDir
	Path classes;

	@Test
	void debugNamesEachReloadedClassWithItsGenerationsAndEachRebuiltBean(CapturedOutput output) {
		SourceCompiler.compile(this.classes, FixtureSources.initial());
		try (RunningApplication app = RunningApplication.start(this.classes, "reload.debug=true")) {
			SourceCompiler.compile(this.classes, FixtureSources.colours("amber"));
			app.reloadNow();
			assertThat(output).contains("Reloaded class " + FixtureSources.COLOURS + ": generation 0 -> 1 (changed)")
				.contains("Reloaded class " + FixtureSources.COLOUR_CONTROLLER
						+ ": generation 0 -> 1 (refers to a changed class)")
				.contains("Rebuilt bean 'colourController'")
				.containsPattern("Reloaded generation 1 in \\d+ ms");
		}
	}

	@Test
	void withoutDebugOneLinePerReloadAndNothingPerRequest(CapturedOutput output) {
		SourceCompiler.compile(this.classes, FixtureSources.initial());
		try (RunningApplication app = RunningApplication.start(this.classes)) {
			SourceCompiler.compile(this.classes, FixtureSources.colours("amber"));
			app.reloadNow();
			int afterReload = output.length();
			for (int i = 0; i < 5; i++) {
				assertThat(app.get("/colour").body()).isEqualTo("the color is amber");
			}
			assertThat(output.toString().substring(afterReload)).doesNotContain("ReloadEngine");
			assertThat(output).containsPattern("Reloaded generation 1 in \\d+ ms")
				.doesNotContain("Reloaded class ")
				.doesNotContain("Rebuilt bean ");
		}
	}

}
