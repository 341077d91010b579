package dev.reload.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.DocumentContext;
import dev.reload.ReloadOutcome;
import dev.reload.ReloadReport;
import dev.reload.ReloadTrigger;
import dev.reload.autoconfigure.compile.InProcessSourceCompilation;
import dev.reload.autoconfigure.engine.ReloadEngine;
import dev.reload.autoconfigure.engine.SourceCompilation;
import dev.reload.testsupport.SourceCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Edit the source, the next request runs it: sources saved under
 * {@code reload.source-directories} are compiled in-process into the reload directory and
 * applied by the reload the request waits for; with no build step in between.
 *
 * @author reload-spring-boot
 */
class SourceCompilationIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	@TempDir
	Path classes;

	@TempDir
	Path src;

	@Test
	void savedSourceIsServedOnTheNextRequest() {
		SourceTree sources = SourceTree.built(this.src, this.classes, FixtureSources.initial());
		try (RunningApplication app = start()) {
			assertThat(app.context().getBean(SourceCompilation.class)).isInstanceOf(InProcessSourceCompilation.class);
			assertThat(app.get("/greeting").body()).isEqualTo("hello");
			sources.save(FixtureSources.helloGreeting("compiled in-process", ""));
			app.awaitSourcesNoticed();
			assertThat(app.get("/greeting").body()).isEqualTo("compiled in-process");
			ReloadReport last = lastReport(app);
			assertThat(last.outcome()).isEqualTo(ReloadOutcome.RELOADED);
			assertThat(last.trigger()).isEqualTo(ReloadTrigger.REQUEST);
			assertThat(last.changedClasses()).containsExactly(FixtureSources.HELLO_GREETING);
			assertThat(last.rebuiltBeans()).contains("helloGreeting");
			assertThat(app.get("/visits").body()).isEqualTo("1");
		}
	}

	@Test
	void editedStaticHelperIsSeenByItsCaller() {
		SourceTree sources = SourceTree.built(this.src, this.classes, FixtureSources.initial());
		try (RunningApplication app = start()) {
			assertThat(app.get("/colour").body()).isEqualTo("the color is white");
			sources.save(FixtureSources.colours("red"));
			app.awaitSourcesNoticed();
			assertThat(app.get("/colour").body()).isEqualTo("the color is red");
		}
	}

	@Test
	void syntaxErrorIsReportedWithFileAndLineWhileTheOldCodeServes() {
		SourceTree sources = SourceTree.built(this.src, this.classes, FixtureSources.initial());
		try (RunningApplication app = start()) {
			String broken = FixtureSources.helloGreeting("broken", "")
				.get(FixtureSources.HELLO_GREETING)
				.replace("return \"broken\";", "return \"broken\"");
			sources.save(Map.of(FixtureSources.HELLO_GREETING, broken));
			app.awaitSourcesNoticed();
			assertThat(app.get("/greeting").body()).isEqualTo("hello");
			String expected = "HelloGreeting.java:13: error: ';' expected";
			DocumentContext status = app.status();
			assertThat(status.read("$.lastReload.outcome", String.class)).isEqualTo("FAILED");
			assertThat(status.read("$.lastReload.error", String.class)).contains(expected)
				.contains(sources.fileOf(FixtureSources.HELLO_GREETING).toString());
			// not compiled again on every request while it stays broken
			assertThat(app.get("/greeting").body()).isEqualTo("hello");
			assertThat(app.context().getBean(ReloadEngine.class).history().reports()).hasSize(1);
			// a reload that is asked for tries again, and says why it fails
			DocumentContext report = app.reloadNow();
			assertThat(report.read("$.outcome", String.class)).isEqualTo("FAILED");
			assertThat(report.read("$.error", String.class)).contains(expected);
			sources.save(FixtureSources.helloGreeting("fixed", ""));
			app.awaitSourcesNoticed();
			assertThat(app.get("/greeting").body()).isEqualTo("fixed");
			assertThat(lastReport(app).outcome()).isEqualTo(ReloadOutcome.RELOADED);
		}
	}

	@Test
	void newSourceBecomesANewController() {
		SourceTree sources = SourceTree.built(this.src, this.classes, FixtureSources.initial());
		try (RunningApplication app = start()) {
			assertThat(app.get("/added").statusCode()).isEqualTo(404);
			sources.save(SourceCompiler.of(FixtureSources.PACKAGE + "AddedController", """
					package dev.reload.it.fixture.app;

					import org.springframework.web.bind.annotation.GetMapping;
					import org.springframework.web.bind.annotation.RestController;

					@RestController
					public class AddedController {
						@GetMapping("/added")
						public String added() {
							return "added " + Colours.colour();
						}
					}
					"""));
			app.awaitSourcesNoticed();
			assertThat(app.get("/added").body()).isEqualTo("added white");
			assertThat(this.classes.resolve("dev/reload/it/fixture/app/AddedController.class")).isRegularFile();
		}
	}

	@Test
	void deletedSourceRemovesItsClassesAndABrokenDeletionIsRefused() {
		Map<String, String> initial = new LinkedHashMap<>(FixtureSources.initial());
		initial.putAll(FixtureSources.shades("grey"));
		SourceTree sources = SourceTree.built(this.src, this.classes, initial);
		Path shadesClass = this.classes.resolve("dev/reload/it/fixture/app/Shades.class");
		Path coloursClass = this.classes.resolve("dev/reload/it/fixture/app/Colours.class");
		try (RunningApplication app = start()) {
			assertThat(app.context().containsBean("shades")).isTrue();
			sources.delete(FixtureSources.SHADES);
			app.awaitSourcesNoticed();
			assertThat(app.get("/greeting").body()).isEqualTo("hello");
			assertThat(shadesClass).doesNotExist();
			assertThat(lastReport(app).outcome()).isEqualTo(ReloadOutcome.RELOADED);
			assertThat(lastReport(app).changedClasses()).containsExactly(FixtureSources.SHADES);
			assertThat(app.context().containsBean("shades")).isFalse();
			// ColourController calls Colours: deleting it cannot compile
			sources.delete(FixtureSources.COLOURS);
			app.awaitSourcesNoticed();
			assertThat(app.get("/colour").body()).isEqualTo("the color is white");
			assertThat(lastReport(app).outcome()).isEqualTo(ReloadOutcome.FAILED);
			assertThat(lastReport(app).error()).contains("ColourController.java").contains("cannot find symbol");
			assertThat(coloursClass).isRegularFile();
		}
	}

	@Test
	void changedConstantRecompilesTheClassesThatCopiedIt() {
		Map<String, String> initial = new LinkedHashMap<>(FixtureSources.initial());
		initial.putAll(palette("white"));
		initial.putAll(FixtureSources.colourController("",
				"@GetMapping(\"/palette\") public String palette() { return Palette.FAVOURITE; }"));
		SourceTree sources = SourceTree.built(this.src, this.classes, initial);
		try (RunningApplication app = start()) {
			assertThat(app.get("/palette").body()).isEqualTo("white");
			// javac copies the constant into ColourController, whose source is unchanged
			sources.save(palette("purple"));
			app.awaitSourcesNoticed();
			assertThat(app.get("/palette").body()).isEqualTo("purple");
			assertThat(lastReport(app).changedClasses()).contains(FixtureSources.PACKAGE + "Palette",
					FixtureSources.COLOUR_CONTROLLER);
		}
	}

	@Test
	void changedReturnTypeRecompilesTheCallerWhoseSourceIsUnchanged() {
		SourceTree sources = SourceTree.built(this.src, this.classes, FixtureSources.initial());
		try (RunningApplication app = start()) {
			// ColourController's class file calls colour()Ljava/lang/String;, which is
			// gone
			sources.save(SourceCompiler.of(FixtureSources.COLOURS, """
					package dev.reload.it.fixture.app;

					public final class Colours {
						public static CharSequence colour() {
							return new StringBuilder("char").append("treuse");
						}
					}
					"""));
			app.awaitSourcesNoticed();
			assertThat(app.get("/colour").body()).isEqualTo("the color is chartreuse");
			assertThat(lastReport(app).changedClasses()).contains(FixtureSources.COLOURS,
					FixtureSources.COLOUR_CONTROLLER);
		}
	}

	@Test
	void signatureChangeThatBreaksACallerFailsNamingIt() {
		SourceTree sources = SourceTree.built(this.src, this.classes, FixtureSources.initial());
		try (RunningApplication app = start()) {
			sources.save(FixtureSources.staticText(FixtureSources.COLOURS, "tint", "red", ""));
			app.awaitSourcesNoticed();
			assertThat(app.get("/colour").body()).isEqualTo("the color is white");
			ReloadReport last = lastReport(app);
			assertThat(last.outcome()).isEqualTo(ReloadOutcome.FAILED);
			assertThat(last.error()).contains("ColourController.java:").contains("cannot find symbol");
		}
	}

	@Test
	void lombokRunsOnTheSourcesItAnnotates() {
		SourceTree sources = SourceTree.built(this.src, this.classes, FixtureSources.initial());
		try (RunningApplication app = start()) {
			sources.save(lombokController("from Lombok"));
			app.awaitSourcesNoticed();
			assertThat(app.get("/lombok").body()).isEqualTo("from Lombok");
			sources.save(lombokController("from Lombok, edited"));
			app.awaitSourcesNoticed();
			assertThat(app.get("/lombok").body()).isEqualTo("from Lombok, edited");
		}
	}

	@Test
	void burstOfSavesIsOneCompileAndOneReload() {
		SourceTree sources = SourceTree.built(this.src, this.classes, FixtureSources.initial());
		try (RunningApplication app = start("reload.quiet-period=300ms")) {
			sources.save(FixtureSources.helloGreeting("one burst", ""));
			sources.save(FixtureSources.colours("teal"));
			app.awaitSourcesNoticed();
			assertThat(app.get("/greeting").body()).isEqualTo("one burst");
			assertThat(app.get("/colour").body()).isEqualTo("the color is teal");
			List<ReloadReport> reports = app.context().getBean(ReloadEngine.class).history().reports();
			assertThat(reports).hasSize(1);
			assertThat(reports.get(0).changedClasses()).contains(FixtureSources.HELLO_GREETING, FixtureSources.COLOURS);
		}
	}

	@Test
	void watchModeCompilesAndReloadsWithoutARequest() {
		SourceTree sources = SourceTree.built(this.src, this.classes, FixtureSources.initial());
		try (RunningApplication app = start("reload.mode=watch")) {
			ReloadEngine engine = app.context().getBean(ReloadEngine.class);
			sources.save(FixtureSources.helloGreeting("watched source", ""));
			await().atMost(TIMEOUT).until(() -> engine.history().last() != null);
			assertThat(engine.history().last().trigger()).isEqualTo(ReloadTrigger.WATCHER);
			assertThat(engine.history().last().outcome()).isEqualTo(ReloadOutcome.RELOADED);
			assertThat(app.get("/greeting").body()).isEqualTo("watched source");
		}
	}

	@Test
	void editedStaticFileIsServedOnTheNextRequest(@TempDir Path project) throws Exception {
		Path classes = project.resolve("target/classes");
		Path resources = project.resolve("src/main/resources");
		SourceTree.built(project.resolve("src/main/java"), classes, FixtureSources.initial());
		Path note = Files.createDirectories(resources.resolve("static")).resolve("note.txt");
		Files.writeString(note, "first");
		Files.createDirectories(classes.resolve("static"));
		Files.copy(note, classes.resolve("static/note.txt"));
		try (RunningApplication app = RunningApplication.start(classes,
				"reload.source-directories=" + project.resolve("src/main/java"))) {
			assertThat(app.get("/note.txt").body()).isEqualTo("first");
			Files.writeString(note, "second");
			app.awaitSourcesNoticed();
			assertThat(app.get("/note.txt").body()).isEqualTo("second");
			assertThat(classes.resolve("static/note.txt")).hasContent("second");
			// a resource is not a reload
			assertThat(app.context().getBean(ReloadEngine.class).history().last()).isNull();
			Files.delete(note);
			app.awaitSourcesNoticed();
			assertThat(app.get("/note.txt").statusCode()).isEqualTo(404);
		}
	}

	@Test
	void emptySourceDirectoriesSwitchCompilationOff() throws Exception {
		SourceTree.built(this.src, this.classes, FixtureSources.initial());
		try (RunningApplication app = RunningApplication.start(this.classes, "reload.source-directories=")) {
			assertThat(app.context().getBean(SourceCompilation.class)).isSameAs(SourceCompilation.NONE);
			Files.writeString(this.src.resolve("dev/reload/it/fixture/app/Colours.java"), "not java");
			assertThat(app.get("/colour").body()).isEqualTo("the color is white");
		}
	}

	private RunningApplication start(String... properties) {
		List<String> all = new ArrayList<>(List.of("reload.source-directories=" + this.src));
		all.addAll(List.of(properties));
		return RunningApplication.start(this.classes, all.toArray(String[]::new));
	}

	private static ReloadReport lastReport(RunningApplication app) {
		ReloadReport last = app.context().getBean(ReloadEngine.class).history().last();
		assertThat(last).isNotNull();
		return last;
	}

	private static Map<String, String> palette(String favourite) {
		return SourceCompiler.of(FixtureSources.PACKAGE + "Palette", """
				package dev.reload.it.fixture.app;

				public final class Palette {
					public static final String FAVOURITE = "%s";
				}
				""".formatted(favourite));
	}

	private static Map<String, String> lombokController(String text) {
		return SourceCompiler.of(FixtureSources.PACKAGE + "LombokController", """
				package dev.reload.it.fixture.app;

				import lombok.Getter;
				import org.springframework.web.bind.annotation.GetMapping;
				import org.springframework.web.bind.annotation.RestController;

				@RestController
				public class LombokController {
					@Getter
					private final String text = "%s";

					@GetMapping("/lombok")
					public String lombok() {
						return getText();
					}
				}
				""".formatted(text));
	}

}
