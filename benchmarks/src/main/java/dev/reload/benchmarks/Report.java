package dev.reload.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * Writes the results as one Markdown file and PNG charts beside it.
 *
 * @author reload-spring-boot
 */
final class Report {

	private final StringBuilder markdown = new StringBuilder();

	private final Path directory;

	Report(Path directory, String machine, String command) {
		this.directory = directory;
		this.markdown.append("# Benchmark results\n\n")
			.append("Produced by `")
			.append(command)
			.append("` on ")
			.append(machine)
			.append(". Times are medians with the range (min–max) and the number of runs; every ratio compares ")
			.append("figures of the same run.\n");
	}

	void changeToNewCode(Map<String, Stats> results, int warmupRequests) {
		section("1. Change to new code",
				"From the moment the changed `Colours.class` of the colours sample is in place (moved over the old one) "
						+ "to the first HTTP response that shows the new colour. Each application has answered "
						+ warmupRequests
						+ " requests before the first change, as one under development has: a fresh JVM runs its first "
						+ "requests interpreted, a few milliseconds each, whatever the reloading. The starter's watch "
						+ "mode is read from the endpoint's status, which does not apply changes, so the watcher alone "
						+ "applied it.");
		table(List.of("configuration", "change to new response"),
				results.entrySet()
					.stream()
					.map((entry) -> List.of(entry.getKey(), entry.getValue().summary()))
					.toList());
		double fastestDevTools = results.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().startsWith("DevTools"))
			.mapToDouble((entry) -> entry.getValue().median())
			.min()
			.orElse(Double.NaN);
		double onRequest = results.entrySet().iterator().next().getValue().median();
		this.markdown.append(String.format(Locale.ROOT,
				"%nDevTools' fastest restart takes %.1f times as long as the starter on the next request with its "
						+ "default settings.%n",
				fastestDevTools / onRequest));
		CategoryChart chart = new CategoryChartBuilder().width(900)
			.height(480)
			.title("Change to new code (median, ms)")
			.yAxisTitle("ms")
			.build();
		chart.getStyler().setLegendVisible(false);
		chart.getStyler().setLabelsVisible(true);
		chart.getStyler().setXAxisLabelRotation(15);
		// milliseconds to seconds side by side: on a linear axis the short bars vanish
		chart.getStyler().setYAxisLogarithmic(true).setYAxisMin(1.0);
		chart.getStyler().setDecimalPattern("#,##0.#");
		chart.addSeries("median", results.keySet().stream().map(Report::shortLabel).toList(),
				results.values().stream().map(Stats::median).toList());
		chart("change-to-new-code.png", chart);
	}

	void sourceToNewCode(SourceToNewCode.Result result, int warmupRequests) {
		section("6. Source to new code",
				"From the moment an edited `Colours.java` of the colours sample is saved to the first HTTP response "
						+ "that shows the new colour: the starter compiling the source in-process (`javax.tools`) on "
						+ "the next request, against the README's build command (`./mvnw -q -pl samples/colours -am "
						+ "compile`) followed by the starter's reload or by DevTools' restart. Each application has "
						+ "answered " + warmupRequests + " requests before the first edit; the figures are of a warm "
						+ "application, after the first compile, which loads the compiler and is shown apart.");
		List<List<String>> rows = new ArrayList<>();
		result.latencies().forEach((name, stats) -> rows.add(List.of(name, stats.summary())));
		rows.add(List.of("first in-process compile of a fresh application (cold)", result.firstCompile().summary()));
		table(List.of("configuration", "save to new response"), rows);
		double inProcess = result.latencies().values().iterator().next().median();
		double build = result.latencies().values().stream().skip(1).mapToDouble(Stats::median).min().orElse(Double.NaN);
		this.markdown.append(String.format(Locale.ROOT,
				"%nThe fastest way through the build takes %.1f times as long as the starter compiling in-process.%n",
				build / inProcess));
	}

	void clinicEdits(Map<String, Map<String, String>> edits) {
		section("7. PetClinic-shaped edits",
				"The edits a developer makes to Spring PetClinic, made to the clinic sample (JPA entities, Spring "
						+ "Data, Thymeleaf, H2), one after the other, each timed from the moment the files are saved "
						+ "to the first response that shows it. The starter is given the saved sources, which it "
						+ "compiles in-process, or the class files an IDE writes (compiled by the benchmark, not "
						+ "timed); DevTools is given the same class files. The starter's outcome is in brackets: a "
						+ "repository query method, a @Bean method of an application type, added or changed, and an "
						+ "entity's code (its persistence unit built again) are applied in place (RELOADED); a @Bean "
						+ "of a type Spring MVC holds from start-up (a RouterFunction) restarts the application "
						+ "in-process (RESTARTED). A throwing "
						+ "constructor: what the next requests get for 5 s, then the fix.");
		List<String> header = new ArrayList<>(List.of("edit"));
		edits.values().stream().findFirst().ifPresent((row) -> header.addAll(row.keySet()));
		List<List<String>> rows = new ArrayList<>();
		edits.forEach((edit, results) -> {
			List<String> row = new ArrayList<>(List.of(edit));
			header.stream().skip(1).forEach((column) -> row.add(results.getOrDefault(column, "")));
			rows.add(row);
		});
		table(header, rows);
	}

	void scaling(Map<Integer, Scaling.Row> rows) {
		section("2. Scaling with the size of the application",
				"Generated applications: a fifth controllers (two services each), two fifths services (one "
						+ "component each), two fifths components; the first half of the components uses one shared "
						+ "class. From the changed class file in place to the first response that shows it.");
		table(List.of("beans", "reload: leaf class", "beans rebuilt", "reload: class half the app uses",
				"beans rebuilt", "DevTools (fastest): leaf class"),
				rows.values()
					.stream()
					.map((row) -> List.of(Integer.toString(row.beans()), row.leaf().summary(),
							Integer.toString(row.leafBeans()), row.half().summary(), Integer.toString(row.halfBeans()),
							row.devTools().summary()))
					.toList());
		Scaling.Row smallest = rows.values().iterator().next();
		Scaling.Row largest = new ArrayList<>(rows.values()).get(rows.size() - 1);
		this.markdown.append(String.format(Locale.ROOT,
				"%nLeaf change: the %d-bean application takes %.2f times as long as the %d-bean one with the starter, "
						+ "%.2f times with DevTools.%n",
				largest.beans(), largest.leaf().median() / smallest.leaf().median(), smallest.beans(),
				largest.devTools().median() / smallest.devTools().median()));
		XYChart chart = new XYChartBuilder().width(900)
			.height(480)
			.title("Change to new code by application size (median, ms)")
			.xAxisTitle("beans")
			.yAxisTitle("ms")
			.build();
		chart.getStyler().setXAxisLogarithmic(true).setYAxisLogarithmic(true);
		chart.getStyler().setDecimalPattern("#,##0.#");
		chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
		List<Double> beans = rows.keySet().stream().map(Integer::doubleValue).toList();
		chart.addSeries("reload: leaf class", beans, rows.values().stream().map((row) -> row.leaf().median()).toList());
		chart.addSeries("reload: class half the app uses", beans,
				rows.values().stream().map((row) -> row.half().median()).toList());
		chart.addSeries("DevTools (fastest): leaf class", beans,
				rows.values().stream().map((row) -> row.devTools().median()).toList());
		chart("scaling.png", chart);
	}

	void requestPath(double checkNanos, double checkError, double baselineNanos, Throughput.Result throughput) {
		section("3. Per-request cost",
				"JMH, average time of what the request filter does when nothing changed (read the watcher's flag, "
						+ "pass the request gate, release it, leave), on the real beans of a running application; "
						+ "then requests per second of the colours sample's `/greeting` under a loopback load client: "
						+ "two applications, one with the starter enabled and one with `reload.enabled=false`, run at "
						+ "the same time, each loaded by " + (throughput.connections() / 2) + " connections ("
						+ throughput.cores() + "), so that every disturbance of the machine hits both at once; "
						+ "the one that needs less CPU per request answers more. Each JVM compiles the same code a "
						+ "little differently, so there is a fresh pair of applications for each of "
						+ throughput.roundRatios().size() + " rounds (taking turns at starting first), and the "
						+ "result is the mean of the rounds' medians. The server's CPU time per request (all its "
						+ "threads, from the operating system) is taken in the same windows. Then "
						+ throughput.controlRatios().size() + " control rounds run two applications with "
						+ "`reload.enabled=false` the same way: how far their ratios stray from 1 is how finely "
						+ "this machine can tell two applications apart.");
		table(List.of("measurement", "result"), List.of(
				List.of("request-path check, nothing changed",
						String.format(Locale.ROOT, "%.1f ns ± %.1f (JMH baseline %.1f ns)", checkNanos, checkError,
								baselineNanos)),
				List.of("throughput, starter enabled", throughput.enabled().summary().replace(" ms", " req/s")),
				List.of("throughput, reload.enabled=false", throughput.disabled().summary().replace(" ms", " req/s")),
				List.of("enabled / disabled, per window of both under load",
						String.format(Locale.ROOT, "%.3f (%.3f–%.3f, n=%d)", throughput.ratios().median(),
								throughput.ratios().min(), throughput.ratios().max(), throughput.ratios().count())),
				List.of("enabled / disabled, mean of the rounds' medians",
						String.format(Locale.ROOT, "%.3f", throughput.ratio())),
				List.of("enabled / disabled, median of each round", listed(throughput.roundRatios())),
				List.of("control: disabled / disabled, median of each round", listed(throughput.controlRatios())),
				List.of("server CPU per request, starter enabled",
						throughput.enabledCpu().summary().replace(" ms", " µs")),
				List.of("server CPU per request, reload.enabled=false",
						throughput.disabledCpu().summary().replace(" ms", " µs"))));
	}

	private static String listed(List<Double> ratios) {
		return ratios.stream()
			.map((ratio) -> String.format(Locale.ROOT, "%.3f", ratio))
			.collect(Collectors.joining(", "));
	}

	void reloadsUnderLoad(ReloadsUnderLoad.Result result, int connections) {
		section("4. Reloads under load",
				connections + " connections keep requesting `/colour` and `/greeting` while the benchmark puts a "
						+ "changed `Colours.class` in place and posts to `/actuator/reload`, again and again.");
		table(List.of("measurement", "result"),
				List.of(List.of("reloads", Integer.toString(result.reloads())),
						List.of("failed requests", Long.toString(result.failedRequests())),
						List.of("requests answered during the reloads", Integer.toString(result.requestsDuring())),
						List.of("time for all reloads", String.format(Locale.ROOT, "%.1f s", result.seconds())),
						List.of("latency p50 / p99, steady state",
								String.format(Locale.ROOT, "%s / %s ms", Stats.format(result.steady().percentile(50)),
										Stats.format(result.steady().percentile(99)))),
						List.of("latency p50 / p99, during reloads",
								String.format(Locale.ROOT, "%s / %s ms", Stats.format(result.during().percentile(50)),
										Stats.format(result.during().percentile(99))))));
		if (!result.failures().isEmpty()) {
			this.markdown.append("\nFailures: ")
				.append(result.failures().subList(0, Math.min(5, result.failures().size())))
				.append('\n');
		}
	}

	void memory(List<MemoryCycles.Checkpoint> checkpoints) {
		section("5. Memory over reload cycles",
				"The colours sample reloads `Colours` again and again (a new class loader generation each time). "
						+ "Each row is taken after a full garbage collection (`jcmd GC.class_histogram`); live "
						+ "generations counts `GenerationClassLoader` instances, generation 0 and the serving one "
						+ "included.");
		table(List.of("cycles", "classes loaded", "classes unloaded", "heap used (MB)", "Metaspace used (MB)",
				"live generations"),
				checkpoints.stream()
					.map((point) -> List.of(Integer.toString(point.cycle()), Long.toString(point.loadedClasses()),
							Long.toString(point.unloadedClasses()),
							String.format(Locale.ROOT, "%.1f", point.heapMegabytes()),
							String.format(Locale.ROOT, "%.1f", point.metaspaceMegabytes()),
							Integer.toString(point.liveGenerations())))
					.toList());
		if (checkpoints.size() > 2) {
			MemoryCycles.Checkpoint first = checkpoints.get(1);
			MemoryCycles.Checkpoint last = checkpoints.get(checkpoints.size() - 1);
			this.markdown.append(String.format(Locale.ROOT,
					"%nMetaspace after %d cycles is %+.1f MB from the level after the first reload.%n", last.cycle(),
					last.metaspaceMegabytes() - first.metaspaceMegabytes()));
		}
	}

	void write() {
		try {
			Files.createDirectories(this.directory);
			Files.writeString(this.directory.resolve("results.md"), this.markdown.toString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	String markdown() {
		return this.markdown.toString();
	}

	private void section(String title, String description) {
		this.markdown.append("\n## ").append(title).append("\n\n").append(description).append("\n\n");
	}

	private void table(List<String> header, List<List<String>> rows) {
		this.markdown.append("| ").append(String.join(" | ", header)).append(" |\n|");
		header.forEach((column) -> this.markdown.append(" --- |"));
		this.markdown.append('\n');
		rows.forEach((row) -> this.markdown.append("| ").append(String.join(" | ", row)).append(" |\n"));
	}

	/**
	 * A configuration's name short enough for the chart's axis, where long names hide
	 * each other: "reload, on request (quiet-period 100ms)" becomes "reload: on request,
	 * quiet-period 100ms".
	 */
	private static String shortLabel(String configuration) {
		int open = configuration.indexOf(" (");
		String what = (open > 0) ? configuration.substring(0, open) : configuration;
		String settings = (open > 0) ? configuration.substring(open + 2, configuration.length() - 1) : "";
		String label = what.replace("DevTools restart", "DevTools").replace("reload, ", "reload: ");
		if (settings.equals("default settings")) {
			return label.startsWith("DevTools") ? label + ": default" : label;
		}
		return label + (label.startsWith("DevTools") ? ": " : ", ") + settings;
	}

	private void chart(String name, org.knowm.xchart.internal.chartpart.Chart<?, ?> chart) {
		try {
			Files.createDirectories(this.directory);
			BitmapEncoder.saveBitmap(chart, this.directory.resolve(name).toString(), BitmapEncoder.BitmapFormat.PNG);
			this.markdown.append("\n![").append(name).append("](").append(name).append(")\n");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
