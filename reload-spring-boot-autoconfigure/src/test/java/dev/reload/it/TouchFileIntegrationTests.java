package dev.reload.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.reload.testsupport.SourceCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code reload.touch-file}: nothing is reloaded until the file is touched.
 *
 * @author reload-spring-boot
 */
@ExtendWith(OutputCaptureExtension.class)
class TouchFileIntegrationTests {

	@TempDir
	Path classes;

	@TempDir
	Path control;

	@Test
	void changesWaitForTheTouchAndThenTheNextRequestAppliesThem() throws Exception {
		Path touchFile = Files.writeString(this.control.resolve("reload_modules"), "");
		SourceCompiler.compile(this.classes, FixtureSources.initial());
		try (RunningApplication app = RunningApplication.start(this.classes, "reload.touch-file=" + touchFile)) {
			SourceCompiler.compile(this.classes, FixtureSources.helloGreeting("after touch", ""));
			assertThat(app.reloadNow().read("$.outcome", String.class)).isEqualTo("NO_CHANGES");
			assertThat(app.get("/greeting").body()).isEqualTo("hello");
			touch(touchFile);
			app.awaitChangeNoticed();
			assertThat(app.get("/greeting").body()).isEqualTo("after touch");
			// the touch was used: the next change waits for the next touch
			SourceCompiler.compile(this.classes, FixtureSources.helloGreeting("second", ""));
			assertThat(app.reloadNow().read("$.outcome", String.class)).isEqualTo("NO_CHANGES");
			assertThat(app.get("/greeting").body()).isEqualTo("after touch");
		}
	}

	@Test
	void missingTouchFileMeansNoReloadsAndDebugSaysSo(CapturedOutput output) throws Exception {
		Path touchFile = this.control.resolve("missing");
		SourceCompiler.compile(this.classes, FixtureSources.initial());
		try (RunningApplication app = RunningApplication.start(this.classes, "reload.touch-file=" + touchFile,
				"reload.debug=true")) {
			SourceCompiler.compile(this.classes, FixtureSources.helloGreeting("created", ""));
			assertThat(app.reloadNow().read("$.outcome", String.class)).isEqualTo("NO_CHANGES");
			assertThat(output).contains("touch file " + touchFile + " does not exist");
			assertThat(app.get("/greeting").body()).isEqualTo("hello");
			Files.writeString(touchFile, "");
			app.awaitChangeNoticed();
			assertThat(app.get("/greeting").body()).isEqualTo("created");
		}
	}

	@Test
	void firstLineNamesTheModulesToReloadWhenReloadAllIsOff() throws Exception {
		Path touchFile = Files.writeString(this.control.resolve("reload_modules"), "");
		SourceCompiler.compile(this.classes, ModuleSources.initial());
		try (RunningApplication app = RunningApplication.start(this.classes, "reload.touch-file=" + touchFile,
				"reload.all=false")) {
			Map<String, String> changes = new LinkedHashMap<>(ModuleSources.banner("banner 2"));
			changes.putAll(ModuleSources.price("price 2"));
			SourceCompiler.compile(this.classes, changes);
			Files.writeString(touchFile, ModuleSources.PRICE + "\nignored second line\n");
			touch(touchFile);
			assertThat(app.reloadNow().read("$.changedClasses", List.class)).containsExactly(ModuleSources.PRICE);
			assertThat(app.get("/shop").body()).isEqualTo("banner 1, price 2, motd 1");
		}
	}

	private static void touch(Path file) throws Exception {
		// a clearly later time, whatever the file system's timestamp granularity
		FileTime later = FileTime.from(Files.getLastModifiedTime(file).toInstant().plusSeconds(2));
		Files.setLastModifiedTime(file,
				later.compareTo(FileTime.from(Instant.now())) > 0 ? later : FileTime.from(Instant.now()));
	}

}
