package dev.reload.it;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import dev.reload.it.lib.Faults;
import dev.reload.testsupport.SourceCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Faults and bad input, seen from outside a running server: each gets a clear error that
 * names the file or class and the cause, the old code keeps serving every request, and a
 * later good change reloads on its first request.
 *
 * @author reload-spring-boot
 */
class FaultIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	@TempDir
	Path classes;

	@TempDir
	Path sources;

	@TempDir
	Path busy;

	@Test
	void touchFileInABusyDirectoryDoesNotHoldUpRequests() throws Exception {
		SourceCompiler.compile(this.classes, FixtureSources.initial());
		Path touchFile = this.busy.resolve("reload_modules");
		try (RunningApplication app = RunningApplication.start(this.classes, "reload.touch-file=" + touchFile)) {
			AtomicBoolean done = new AtomicBoolean();
			CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
				// other programs' files coming and going next to the touch file
				for (int i = 0; i < 10_000 && !done.get(); i++) {
					write(this.busy.resolve("other-" + (i % 20) + ".tmp"), "file " + i);
				}
			});
			long start = System.nanoTime();
			for (int i = 0; i < 50; i++) {
				assertThat(app.get("/greeting").body()).isEqualTo("hello");
			}
			done.set(true);
			writer.get(20, TimeUnit.SECONDS);
			// no request waited for a change: before, each waited up to
			// reload.request-wait
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
		}
	}

	@Test
	void classFileLargerThanAnyClassFileIsRefusedNamingItAndTheWatcherLivesOn() throws Exception {
		SourceCompiler.compile(this.classes, FixtureSources.initial());
		try (RunningApplication app = RunningApplication.start(this.classes)) {
			Path huge = this.classes.resolve("dev/reload/it/fixture/app/Huge.class");
			try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
				// sparse: 300 MB to read, nothing on disk
				file.setLength(300L << 20);
			}
			DocumentContext failed = app.reloadNow();
			assertThat(failed.read("$.outcome", String.class)).isEqualTo("FAILED");
			assertThat(failed.read("$.error", String.class)).contains(huge.toString(), "larger than 16 MB");
			assertThat(app.get("/greeting").body()).isEqualTo("hello");
			Files.delete(huge);
			SourceCompiler.compile(this.classes, FixtureSources.helloGreeting("bonjour", ""));
			app.awaitChangeNoticed();
			assertThat(app.get("/greeting").body()).isEqualTo("bonjour");
		}
	}

	@Test
	void buildThatDeletesEveryClassFileAndWritesThemAgainIsNeverApplied() throws Exception {
		Map<String, String> initial = FixtureSources.initial();
		writeSources(initial);
		SourceCompiler.compile(this.classes, initial);
		try (RunningApplication app = RunningApplication.start(this.classes,
				"reload.source-directories=" + this.sources)) {
			assertThat(app.get("/greeting").body()).isEqualTo("hello");
			ExecutorService client = Executors.newSingleThreadExecutor();
			try {
				AtomicBoolean deleted = new AtomicBoolean();
				AtomicBoolean rewritten = new AtomicBoolean();
				AtomicInteger servedWhileDeleted = new AtomicInteger();
				Future<List<Integer>> statuses = client.submit(() -> {
					List<Integer> codes = new ArrayList<>();
					long deadline = System.nanoTime() + TIMEOUT.toNanos();
					// requests all the while the build runs, and a few after it
					for (int after = 0; after < 20 && System.nanoTime() < deadline;) {
						boolean duringBuild = deleted.get() && !rewritten.get();
						codes.add(app.get("/greeting").statusCode());
						codes.add(app.get("/colour").statusCode());
						if (duringBuild) {
							servedWhileDeleted.incrementAndGet();
						}
						if (rewritten.get()) {
							after++;
						}
					}
					return codes;
				});
				// Maven's compiler: every class file of the module deleted, then javac
				// writes them back
				deleteClassFiles();
				deleted.set(true);
				await().atMost(TIMEOUT).until(() -> servedWhileDeleted.get() >= 30);
				SourceCompiler.compile(this.classes, initial);
				rewritten.set(true);
				assertThat(statuses.get(30, TimeUnit.SECONDS)).isNotEmpty().containsOnly(200);
			}
			finally {
				client.shutdownNow();
			}
			assertThat(app.status().read("$.generation", Integer.class)).isZero();
			SourceCompiler.compile(this.classes, FixtureSources.helloGreeting("bonjour", ""));
			app.awaitChangeNoticed();
			assertThat(app.get("/greeting").body()).isEqualTo("bonjour");
		}
	}

	@Test
	void classFileWhoseNameDiffersFromItsPathFailsNamingIt() throws Exception {
		SourceCompiler.compile(this.classes, FixtureSources.initial());
		try (RunningApplication app = RunningApplication.start(this.classes)) {
			Path shades = this.classes.resolve("dev/reload/it/fixture/app/Shades.class");
			Files.copy(this.classes.resolve("dev/reload/it/fixture/app/VisitCounter.class"), shades);
			DocumentContext failed = app.reloadNow();
			assertThat(failed.read("$.outcome", String.class)).isEqualTo("FAILED");
			assertThat(failed.read("$.error", String.class)).contains(FixtureSources.SHADES);
			assertThat(app.get("/greeting").body()).isEqualTo("hello");
		}
	}

	@Test
	void classFilesOfTheJdkOrSpringInAReloadDirectoryAreRefused() throws Exception {
		SourceCompiler.compile(this.classes, FixtureSources.initial());
		try (RunningApplication app = RunningApplication.start(this.classes)) {
			SourceCompiler.compile(this.classes, SourceCompiler.of("org.springframework.util.Shadow", """
					package org.springframework.util;

					public class Shadow {
					}
					"""));
			DocumentContext failed = app.reloadNow();
			assertThat(failed.read("$.outcome", String.class)).isEqualTo("FAILED");
			assertThat(failed.read("$.error", String.class)).contains("org.springframework.util.Shadow",
					"would replace a class of the JDK or of Spring Framework");
			assertThat(app.get("/greeting").body()).isEqualTo("hello");
		}
	}

	@Test
	void applicationClassesUnderOrgSpringframeworkAreReloaded() throws Exception {
		// Spring PetClinic lives in org.springframework.samples: not Spring's own package
		String palette = "org.springframework.samples.shades.Palette";
		Map<String, String> sources = new LinkedHashMap<>(FixtureSources.initial());
		sources.putAll(FixtureSources.staticText(palette, "name", "grey", ""));
		sources.putAll(FixtureSources.colourController("",
				"@GetMapping(\"/palette\") public String palette() { return " + palette + ".name(); }"));
		SourceCompiler.compile(this.classes, sources);
		try (RunningApplication app = RunningApplication.start(this.classes)) {
			assertThat(app.get("/palette").body()).isEqualTo("grey");
			SourceCompiler.compile(this.classes, FixtureSources.staticText(palette, "name", "pink", ""));
			DocumentContext report = app.reloadNow();
			assertThat(report.read("$.outcome", String.class)).isEqualTo("RELOADED");
			assertThat(report.read("$.changedClasses", List.class)).contains(palette);
			assertThat(app.get("/palette").body()).isEqualTo("pink");
		}
	}

	@Test
	void concurrentReloadRequestsApplyOneChangeOnce() throws Exception {
		SourceCompiler.compile(this.classes, FixtureSources.initial());
		try (RunningApplication app = RunningApplication.start(this.classes, "reload.mode=manual")) {
			SourceCompiler.compile(this.classes, FixtureSources.helloGreeting("bonjour", ""));
			ExecutorService clients = Executors.newFixedThreadPool(20);
			try {
				List<Future<HttpResponse<String>>> posts = new ArrayList<>();
				for (int i = 0; i < 20; i++) {
					posts.add(clients.submit(() -> app.post("/actuator/reload")));
				}
				List<String> outcomes = new ArrayList<>();
				for (Future<HttpResponse<String>> post : posts) {
					HttpResponse<String> response = post.get(30, TimeUnit.SECONDS);
					assertThat(response.statusCode()).isEqualTo(200);
					outcomes.add(JsonPath.parse(response.body()).read("$.outcome", String.class));
				}
				assertThat(outcomes).containsOnlyOnce("RELOADED").containsOnly("RELOADED", "NO_CHANGES");
			}
			finally {
				clients.shutdownNow();
			}
			assertThat(app.get("/greeting").body()).isEqualTo("bonjour");
		}
	}

	@Test
	void newMappingThatClashesFailsLikeSpringAtStartUp() throws Exception {
		SourceCompiler.compile(this.classes, FixtureSources.initial());
		try (RunningApplication app = RunningApplication.start(this.classes)) {
			SourceCompiler.compile(this.classes, FixtureSources.colourController("",
					"@GetMapping(\"/greeting\") public String clash() { return \"clash\"; }"));
			DocumentContext failed = app.reloadNow();
			assertThat(failed.read("$.outcome", String.class)).isEqualTo("FAILED");
			assertThat(failed.read("$.error", String.class)).contains("Ambiguous mapping");
			assertThat(app.get("/greeting").body()).isEqualTo("hello");
			assertThat(app.get("/colour").body()).isEqualTo("the color is white");
		}
	}

	@Test
	void twoRebuiltControllersMappingTheSamePathFail() throws Exception {
		SourceCompiler.compile(this.classes, FixtureSources.initial());
		try (RunningApplication app = RunningApplication.start(this.classes)) {
			Map<String, String> clash = new LinkedHashMap<>(FixtureSources.colourController("",
					"@GetMapping(\"/both\") public String both() { return \"colour\"; }"));
			clash.putAll(SourceCompiler.of(FixtureSources.PACKAGE + "OtherController", """
					package dev.reload.it.fixture.app;

					import org.springframework.web.bind.annotation.GetMapping;
					import org.springframework.web.bind.annotation.RestController;

					@RestController
					public class OtherController {
						@GetMapping("/both")
						public String both() {
							return "other";
						}
					}
					"""));
			SourceCompiler.compile(this.classes, clash);
			DocumentContext failed = app.reloadNow();
			assertThat(failed.read("$.outcome", String.class)).isEqualTo("FAILED");
			assertThat(failed.read("$.error", String.class)).contains("Ambiguous mapping", "/both");
			assertThat(app.get("/both").statusCode()).isEqualTo(404);
			assertThat(app.get("/colour").body()).isEqualTo("the color is white");
		}
	}

	@Test
	void packageDirectoryRemovedAndRecreatedReloads() throws Exception {
		Map<String, String> sources = new LinkedHashMap<>(FixtureSources.initial());
		sources.putAll(FixtureSources.shades("grey"));
		SourceCompiler.compile(this.classes, sources);
		try (RunningApplication app = RunningApplication.start(this.classes)) {
			assertThat(app.get("/greeting").body()).isEqualTo("hello");
			deleteClassFiles();
			Map<String, String> changed = new LinkedHashMap<>(sources);
			changed.putAll(FixtureSources.helloGreeting("recreated", ""));
			SourceCompiler.compile(this.classes, changed);
			app.awaitChangeNoticed();
			assertThat(app.get("/greeting").body()).isEqualTo("recreated");
			assertThat(app.get("/visits").statusCode()).isEqualTo(200);
		}
	}

	@Test
	void switchThatFailsPartOfTheWayIsUndoneCompletely() throws Exception {
		Map<String, String> sources = new LinkedHashMap<>(FixtureSources.initial());
		sources.putAll(SourceCompiler.of(FixtureSources.PACKAGE + "FailingParticipant", """
				package dev.reload.it.fixture.app;

				import java.util.List;
				import dev.reload.BeanSwap;
				import dev.reload.BeanSwapParticipant;
				import org.springframework.stereotype.Component;

				@Component
				public class FailingParticipant implements BeanSwapParticipant {
					@Override
					public Switch prepare(List<BeanSwap> swaps) {
						return new Switch() {
							@Override
							public void apply() {
								if (dev.reload.it.lib.Faults.failSwitch) {
									throw new IllegalStateException("participant failed on purpose");
								}
							}

							@Override
							public void undo() {
							}
						};
					}
				}
				"""));
		SourceCompiler.compile(this.classes, sources);
		try (RunningApplication app = RunningApplication.start(this.classes)) {
			Faults.failSwitch = true;
			SourceCompiler.compile(this.classes, FixtureSources.colourController("",
					"@GetMapping(\"/added\") public String added() { return \"added\"; }"));
			SourceCompiler.compile(this.classes, FixtureSources.helloGreeting("bonjour", ""));
			DocumentContext failed = app.reloadNow();
			assertThat(failed.read("$.outcome", String.class)).isEqualTo("FAILED");
			assertThat(failed.read("$.error", String.class)).contains("undone", "participant failed on purpose");
			// all of it old: beans, mappings, generation
			assertThat(app.status().read("$.generation", Integer.class)).isZero();
			assertThat(app.get("/greeting").body()).isEqualTo("hello");
			assertThat(app.get("/colour").body()).isEqualTo("the color is white");
			assertThat(app.get("/added").statusCode()).isEqualTo(404);
			assertThat(app.get("/visits").statusCode()).isEqualTo(200);
			Faults.failSwitch = false;
			SourceCompiler.compile(this.classes, FixtureSources.helloGreeting("bonjour!", ""));
			assertThat(app.reloadNow().read("$.outcome", String.class)).isEqualTo("RELOADED");
			assertThat(app.get("/greeting").body()).isEqualTo("bonjour!");
			assertThat(app.get("/added").body()).isEqualTo("added");
		}
		finally {
			Faults.failSwitch = false;
		}
	}

	private void writeSources(Map<String, String> sources) {
		sources.forEach((name, text) -> write(this.sources.resolve(name.replace('.', '/') + ".java"), text));
	}

	private void deleteClassFiles() throws IOException {
		try (Stream<Path> paths = Files.walk(this.classes)) {
			for (Path path : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
				if (!path.equals(this.classes)) {
					Files.delete(path);
				}
			}
		}
	}

	private static void write(Path file, String text) {
		try {
			Files.createDirectories(file.getParent());
			Files.writeString(file, text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
