package dev.reload.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.reload.samples.support.Http;
import dev.reload.samples.support.LiveGenerations;

/**
 * Measurement 5: many reload cycles of the sample; after a full garbage collection at the
 * start, after the first reload and at checkpoints, the loaded and unloaded classes, the
 * heap and Metaspace in use, and how many class loader generations are still alive.
 *
 * @author reload-spring-boot
 */
final class MemoryCycles {

	private static final Pattern VALUE = Pattern.compile("\"statistic\":\"VALUE\",\"value\":([0-9.E+-]+)");

	private static final Pattern COUNT = Pattern.compile("\"statistic\":\"COUNT\",\"value\":([0-9.E+-]+)");

	private final ColoursSample sample;

	private final List<Integer> checkpoints;

	MemoryCycles(ColoursSample sample, List<Integer> checkpoints) {
		this.sample = sample;
		this.checkpoints = checkpoints;
	}

	List<Checkpoint> run() {
		List<Checkpoint> results = new ArrayList<>();
		try (ApplicationProcess app = this.sample.start(false, List.of("-Xmx512m"),
				List.of("--server.port=0", "--reload.mode=manual"), "memory")) {
			// the first requests load what serving and reloading need
			Http.get(app.url("/colour"));
			Http.get(app.url("/actuator/reload"));
			results.add(checkpoint(app, 0));
			int last = this.checkpoints.get(this.checkpoints.size() - 1);
			for (int cycle = 1; cycle <= last; cycle++) {
				this.sample.apply(cycle);
				String report = Http.post(app.url("/actuator/reload"));
				if (!report.contains("\"outcome\":\"RELOADED\"")) {
					throw new IllegalStateException("Cycle " + cycle + " did not reload: " + report);
				}
				Http.get(app.url("/colour"));
				if (this.checkpoints.contains(cycle)) {
					results.add(checkpoint(app, cycle));
				}
			}
		}
		return results;
	}

	private Checkpoint checkpoint(ApplicationProcess app, int cycle) {
		// the starter evicts replaced classes from Spring's caches shortly after a switch
		Sleep.millis(1000);
		// the histogram runs a full collection first, then counts what survived it
		int liveGenerations = LiveGenerations.count(app.pid());
		return new Checkpoint(cycle, (long) metric(app, "jvm.classes.loaded", VALUE),
				(long) metric(app, "jvm.classes.unloaded", COUNT),
				metric(app, "jvm.memory.used?tag=area:heap", VALUE) / (1024 * 1024),
				metric(app, "jvm.memory.used?tag=id:Metaspace", VALUE) / (1024 * 1024), liveGenerations);
	}

	private static double metric(ApplicationProcess app, String name, Pattern statistic) {
		String body = Http.get(app.url("/actuator/metrics/" + name));
		Matcher matcher = statistic.matcher(body);
		if (!matcher.find()) {
			throw new IllegalStateException("No value in " + body);
		}
		return Double.parseDouble(matcher.group(1));
	}

	/**
	 * The memory after a full collection, after a number of reload cycles.
	 *
	 * @param cycle reload cycles so far
	 * @param loadedClasses classes loaded now
	 * @param unloadedClasses classes unloaded so far
	 * @param heapMegabytes heap in use
	 * @param metaspaceMegabytes Metaspace in use
	 * @param liveGenerations class loader generations still alive, the serving one
	 * included
	 */
	record Checkpoint(int cycle, long loadedClasses, long unloadedClasses, double heapMegabytes,
			double metaspaceMegabytes, int liveGenerations) {

	}

}
