package dev.reload.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.reload.samples.support.Http;

/**
 * Measurement 2: generated applications of growing size. A change to one leaf class and a
 * change to the class half the application depends on, from the file in place to the
 * first response that shows it, with the starter; the leaf change with DevTools' fastest
 * restart.
 *
 * @author reload-spring-boot
 */
final class Scaling {

	private static final Pattern REBUILT = Pattern.compile("\"lastReload\":\\{.*?\"rebuiltBeans\":\\[([^\\]]*)\\]");

	private final Path root;

	private final List<Integer> sizes;

	private final int trials;

	private final int devToolsTrials;

	Scaling(Path root, List<Integer> sizes, int trials, int devToolsTrials) {
		this.root = root;
		this.sizes = sizes;
		this.trials = trials;
		this.devToolsTrials = devToolsTrials;
	}

	Map<Integer, Row> run() {
		Map<Integer, Row> rows = new LinkedHashMap<>();
		for (int size : this.sizes) {
			GeneratedApplication app = new GeneratedApplication(size,
					new Workspace(this.root.resolve("generated-" + size)));
			rows.put(size, measure(app));
		}
		return rows;
	}

	private Row measure(GeneratedApplication generated) {
		Probe probe = new Probe();
		List<Double> leaf = new ArrayList<>();
		List<Double> half = new ArrayList<>();
		int leafBeans;
		int halfBeans;
		int version = 0;
		try (ApplicationProcess app = generated.start(false, List.of("--server.port=0"), "reload")) {
			String leafPath = app.url(generated.leafPath());
			String leafFile = generated.classFile("Repository" + generated.leafComponent());
			for (int i = -1; i < this.trials; i++) {
				String text = "r" + generated.leafComponent() + "-v" + (++version);
				byte[] bytes = generated.leafVersion("v" + version);
				double millis = probe.millisUntil(leafPath, (body) -> body.contains(text),
						generated.workspace().replace(leafFile, bytes));
				if (i >= 0) {
					leaf.add(millis);
				}
			}
			leafBeans = rebuiltBeans(app);
			for (int i = -1; i < this.trials; i++) {
				String text = "v" + (++version) + ":";
				byte[] bytes = generated.sharedVersion("v" + version);
				double millis = probe.millisUntil(app.url("/c0"), (body) -> body.contains(text),
						generated.workspace().replace(generated.classFile("Shared"), bytes));
				if (i >= 0) {
					half.add(millis);
				}
			}
			halfBeans = rebuiltBeans(app);
		}
		List<Double> devTools = new ArrayList<>();
		try (ApplicationProcess app = generated.start(true, List.of("--server.port=" + FreePort.find(),
				"--spring.devtools.restart.poll-interval=50ms", "--spring.devtools.restart.quiet-period=20ms"),
				"devtools")) {
			String leafFile = generated.classFile("Repository" + generated.leafComponent());
			for (int i = 0; i < this.devToolsTrials; i++) {
				String text = "r" + generated.leafComponent() + "-v" + (++version);
				byte[] bytes = generated.leafVersion("v" + version);
				devTools.add(probe.millisUntil(app.url(generated.leafPath()), (body) -> body.contains(text),
						generated.workspace().replace(leafFile, bytes)));
			}
		}
		return new Row(generated.beans(), new Stats(leaf), leafBeans, new Stats(half), halfBeans, new Stats(devTools));
	}

	private static int rebuiltBeans(ApplicationProcess app) {
		Matcher matcher = REBUILT.matcher(Http.get(app.url("/actuator/reload")));
		if (!matcher.find()) {
			throw new IllegalStateException("No last reload in the status");
		}
		return matcher.group(1).isBlank() ? 0 : matcher.group(1).split(",").length;
	}

	/**
	 * One application size's results.
	 *
	 * @param beans the application's beans
	 * @param leaf the leaf change with the starter
	 * @param leafBeans beans the leaf change rebuilt
	 * @param half the change half the application depends on, with the starter
	 * @param halfBeans beans that change rebuilt
	 * @param devTools the leaf change with DevTools' fastest restart
	 */
	record Row(int beans, Stats leaf, int leafBeans, Stats half, int halfBeans, Stats devTools) {

	}

}
