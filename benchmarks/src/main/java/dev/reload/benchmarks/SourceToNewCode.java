package dev.reload.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.reload.samples.support.ClassDirectories;

/**
 * Measurement 6: from the moment an edited {@code Colours.java} is saved to the first
 * response that shows the new colour: the starter compiling the source in-process on the
 * next request, against the build compiling it (the README's {@code ./mvnw -q -pl
 * samples/colours -am compile}) and the starter reloading the class file, and against the
 * build and DevTools restarting. The first in-process compile of a fresh application is
 * reported apart: it loads the compiler.
 *
 * @author reload-spring-boot
 */
final class SourceToNewCode {

	private static final String SOURCE = "src/main/java/dev/reload/samples/colours/Colours.java";

	private final Path repository;

	private final ColoursSample sample;

	private final int warmups;

	private final int warmupRequests;

	private final int trials;

	private final int buildTrials;

	private int variant;

	SourceToNewCode(Path repository, ColoursSample sample, int warmups, int warmupRequests, int trials,
			int buildTrials) {
		this.repository = repository;
		this.sample = sample;
		this.warmups = warmups;
		this.warmupRequests = warmupRequests;
		this.trials = trials;
		this.buildTrials = buildTrials;
	}

	/**
	 * Run every configuration.
	 * @return the results
	 */
	Result run() {
		Map<String, Stats> results = new LinkedHashMap<>();
		List<Double> firstCompiles = new ArrayList<>();
		results.put("starter compiles in-process, on request", inProcess(firstCompiles));
		Path sampleDirectory = this.repository.resolve("samples/colours");
		Path source = sampleDirectory.resolve(SOURCE);
		String original = read(source);
		try {
			results.put("./mvnw compile, then starter reload on request", withBuild(sampleDirectory, original, false));
			results.put("./mvnw compile, then DevTools restart", withBuild(sampleDirectory, original, true));
		}
		finally {
			write(source, original);
		}
		return new Result(results, new Stats(firstCompiles));
	}

	private Stats inProcess(List<Double> firstCompiles) {
		Workspace workspace = this.sample.workspace();
		Path sources = workspace.directory("sources");
		ClassDirectories.copy(this.repository.resolve("samples/colours/src/main/java"), sources);
		Path source = sources.resolve(SOURCE.substring("src/main/java/".length()));
		// the class files were compiled after the sources were written: none is stale
		touchBack(sources);
		String original = read(source);
		try (ApplicationProcess app = this.sample.start(false, List.of(),
				List.of("--server.port=0", "--reload.source-directories=" + sources), "source-in-process")) {
			warmUp(app);
			Probe probe = new Probe();
			Trial trial = () -> {
				int next = ++this.variant;
				long start = save(source, original, next);
				return probe.millisUntil(app.url("/colour"), answer(next)::equals, start);
			};
			firstCompiles.add(trial.millis());
			for (int i = 0; i < this.warmups; i++) {
				trial.millis();
			}
			List<Double> millis = new ArrayList<>();
			for (int i = 0; i < this.trials; i++) {
				millis.add(trial.millis());
			}
			return new Stats(millis);
		}
	}

	private Stats withBuild(Path sampleDirectory, String original, boolean devTools) {
		Path source = sampleDirectory.resolve(SOURCE);
		List<String> arguments = new ArrayList<>(List.of("--server.port=" + FreePort.find(),
				"--reload.directories=" + sampleDirectory.resolve("target/classes"), "--reload.source-directories="));
		Workspace workspace = this.sample.workspace();
		try (ApplicationProcess app = ApplicationProcess.start(List.of(),
				workspace.classpath(sampleDirectory.resolve("target/classes"), devTools), ColoursSample.MAIN_CLASS,
				List.of(), withCommon(arguments),
				workspace.root().resolve(devTools ? "build-devtools.log" : "build-reload.log"))) {
			warmUp(app);
			Probe probe = new Probe();
			Trial trial = () -> {
				int next = ++this.variant;
				long start = save(source, original, next);
				build();
				return probe.millisUntil(app.url("/colour"), answer(next)::equals, start);
			};
			trial.millis();
			List<Double> millis = new ArrayList<>();
			for (int i = 0; i < this.buildTrials; i++) {
				millis.add(trial.millis());
			}
			return new Stats(millis);
		}
	}

	private static List<String> withCommon(List<String> arguments) {
		List<String> all = new ArrayList<>(List.of("--spring.main.banner-mode=off", "--reload.debug=false",
				"--management.endpoints.web.exposure.include=health,metrics,reload",
				"--spring.devtools.livereload.enabled=false"));
		all.addAll(arguments);
		return all;
	}

	private void build() {
		ProcessBuilder builder = new ProcessBuilder("./mvnw", "-q", "-o", "-B", "-pl", "samples/colours", "-am",
				"compile")
			.directory(this.repository.toFile())
			.redirectErrorStream(true)
			.redirectOutput(this.sample.workspace().root().resolve("build.log").toFile());
		try {
			Process process = builder.start();
			if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
				process.destroyForcibly();
				throw new IllegalStateException(
						"./mvnw compile failed; see " + this.sample.workspace().root().resolve("build.log"));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private void warmUp(ApplicationProcess app) {
		for (int i = 0; i < this.warmupRequests; i++) {
			try {
				PlainHttp.get(app.url("/colour"), 30_000);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Warming up " + app.url("/colour") + " failed", ex);
			}
		}
	}

	private static String colour(int variant) {
		return "edited" + variant;
	}

	private static String answer(int variant) {
		return "the color is " + colour(variant) + "\n";
	}

	/**
	 * Save the source with another colour, as an editor does, and return when it did.
	 */
	private static long save(Path source, String original, int variant) {
		write(source, original.replace("\"white\"", "\"" + colour(variant) + "\""));
		return System.nanoTime();
	}

	private static void touchBack(Path directory) {
		try (var files = Files.walk(directory)) {
			for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
				Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(0));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void write(Path file, String text) {
		try {
			Files.writeString(file, text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@FunctionalInterface
	interface Trial {

		double millis();

	}

	/**
	 * The latencies of each configuration, and those of the first in-process compile.
	 */
	record Result(Map<String, Stats> latencies, Stats firstCompile) {

	}

}
