package dev.reload.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every benchmark and writes the results under {@code benchmarks/results}: a short
 * smoke run with {@code quick}, which writes under {@code target} instead. Run it with
 * {@code ./mvnw -Pbenchmarks -pl samples/colours,samples/clinic,benchmarks -am verify -DskipTests}.
 *
 * @author reload-spring-boot
 */
public final class Benchmarks {

	static final String COMMAND = "./mvnw -Pbenchmarks -pl samples/colours,samples/clinic,benchmarks -am verify -DskipTests";

	private Benchmarks() {
	}

	public static void main(String[] args) throws Exception {
		Path module = Path.of(args[0]).toAbsolutePath().normalize();
		// -Dbenchmarks.args="quick" or "full 2,5": the second word runs only those
		// measurements, for profiling one of them
		String[] options = String.join(" ", Arrays.asList(args).subList(1, args.length)).trim().split("\\s+");
		Settings settings = "quick".equals(options[0]) ? Settings.QUICK : Settings.FULL;
		Set<String> every = Set.of("1", "2", "3", "4", "5", "6", "7");
		Set<String> only = (options.length > 1) ? Set.of(options[1].split(",")) : every;
		boolean all = only.containsAll(every);
		// only a full run of everything replaces the committed results
		Path results = settings.quick() ? module.resolve("target/benchmark-smoke")
				: all ? module.resolve("results") : module.resolve("target/benchmark-partial");
		Path root = Files.createTempDirectory("reload-benchmarks");
		Report report = new Report(results, machine(), COMMAND + (settings.quick() ? " -Dbenchmarks.args=quick" : ""));
		ColoursSample sample = new ColoursSample(module.resolve("../samples/colours"),
				new Workspace(root.resolve("colours")), 4);

		if (only.contains("1")) {
			print("1. change to new code");
			Map<String, Stats> latency = new ChangeToNewCode(sample, settings.warmups(), settings.warmupRequests(),
					settings.trials())
				.run();
			latency.forEach((name, stats) -> print("   " + name + ": " + stats.summary()));
			report.changeToNewCode(latency, settings.warmupRequests());
		}

		if (only.contains("2")) {
			print("2. scaling");
			Map<Integer, Scaling.Row> scaling = new Scaling(root, settings.sizes(), settings.trials(),
					settings.devToolsTrials())
				.run();
			scaling.forEach((beans, row) -> print("   " + beans + " beans: leaf " + row.leaf().summary() + ", half "
					+ row.half().summary() + ", DevTools " + row.devTools().summary()));
			report.scaling(scaling);
		}

		if (only.contains("3")) {
			print("3. per-request cost");
			Collection<RunResult> jmh = new Runner(jmhOptions(settings)).run();
			double check = score(jmh, "unchangedRequest");
			double error = jmh.stream()
				.filter((result) -> result.getParams().getBenchmark().endsWith("unchangedRequest"))
				.mapToDouble((result) -> result.getPrimaryResult().getScoreError())
				.findFirst()
				.orElse(Double.NaN);
			Throughput.Result throughput = new Throughput(sample, settings.throughputRounds(),
					settings.throughputControlRounds(), settings.throughputWindows(), settings.throughputWarmupMillis(),
					settings.windowMillis(), 16)
				.run();
			print("   check " + check + " ns; throughput ratio " + throughput.ratio());
			report.requestPath(check, error, score(jmh, "baseline"), throughput);
		}

		if (only.contains("4")) {
			print("4. reloads under load");
			ReloadsUnderLoad.Result underLoad = new ReloadsUnderLoad(sample, settings.reloads(), 16,
					settings.warmupMillis())
				.run();
			print("   " + underLoad.reloads() + " reloads, " + underLoad.failedRequests() + " failed requests");
			report.reloadsUnderLoad(underLoad, 16);
		}

		if (only.contains("5")) {
			print("5. memory");
			List<MemoryCycles.Checkpoint> memory = new MemoryCycles(sample, settings.checkpoints()).run();
			memory.forEach((point) -> print("   " + point));
			report.memory(memory);
		}

		if (only.contains("6")) {
			print("6. source to new code");
			SourceToNewCode.Result sources = new SourceToNewCode(module.resolve(".."), sample, settings.warmups(),
					settings.warmupRequests(), settings.trials(), settings.devToolsTrials())
				.run();
			sources.latencies().forEach((name, stats) -> print("   " + name + ": " + stats.summary()));
			print("   first in-process compile: " + sources.firstCompile().summary());
			report.sourceToNewCode(sources, settings.warmupRequests());
		}

		if (only.contains("7")) {
			print("7. PetClinic-shaped edits");
			Map<String, Map<String, String>> edits = new ClinicEdits(module.resolve("../samples/clinic"),
					new Workspace(root.resolve("clinic")), settings.quick() ? 3 : 20)
				.run();
			edits.forEach((edit, row) -> print("   " + edit + ": " + row));
			report.clinicEdits(edits);
		}

		report.write();
		print("Results: " + results.resolve("results.md"));
		delete(root);
	}

	private static Options jmhOptions(Settings settings) {
		return new OptionsBuilder().include(RequestPathBenchmark.class.getName())
			.forks(1)
			.warmupIterations(settings.quick() ? 1 : 3)
			.warmupTime(TimeValue.milliseconds(settings.quick() ? 200 : 1000))
			.measurementIterations(settings.quick() ? 2 : 5)
			.measurementTime(TimeValue.milliseconds(settings.quick() ? 200 : 1000))
			.shouldFailOnError(true)
			.build();
	}

	private static double score(Collection<RunResult> results, String benchmark) throws RunnerException {
		return results.stream()
			.filter((result) -> result.getParams().getBenchmark().endsWith(benchmark))
			.mapToDouble((result) -> result.getPrimaryResult().getScore())
			.findFirst()
			.orElseThrow(() -> new RunnerException("No result for " + benchmark));
	}

	private static String machine() {
		return Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version") + " ("
				+ System.getProperty("java.vm.name") + "), " + System.getProperty("os.name") + " "
				+ System.getProperty("os.arch");
	}

	private static void print(String line) {
		System.out.println(line);
	}

	private static void delete(Path root) {
		try (var paths = Files.walk(root)) {
			paths.sorted(java.util.Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * How long and how often each benchmark runs.
	 */
	record Settings(boolean quick, int warmups, int warmupRequests, int trials, int devToolsTrials, List<Integer> sizes,
			int throughputRounds, int throughputControlRounds, int throughputWindows, long throughputWarmupMillis,
			long warmupMillis, long windowMillis, int reloads, List<Integer> checkpoints) {

		static final Settings FULL = new Settings(false, 2, 2000, 10, 3, List.of(20, 200, 2000), 6, 4, 8, 20000, 10000,
				2000, 100, List.of(1, 100, 1000));

		static final Settings QUICK = new Settings(true, 1, 50, 2, 1, List.of(20, 200), 1, 1, 2, 1000, 1000, 1000, 5,
				List.of(1, 5, 10));

	}

}
