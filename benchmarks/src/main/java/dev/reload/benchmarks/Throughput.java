package dev.reload.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Measurement 3b: requests per second of the sample under a loopback load client, with
 * the starter enabled and with {@code reload.enabled=false}. Both applications run at the
 * same time on the same core, each loaded by half the connections, so that every
 * disturbance of a shared machine (a neighbour, a frequency change, a timer) hits both at
 * once; the one that needs less CPU per request answers more. The client runs on the
 * other cores where they can be chosen. Each JVM compiles the same code a little
 * differently, by several percent, so the comparison is repeated with a fresh pair of
 * applications per round, the two taking turns at starting first, and the rounds' medians
 * are averaged. Each window also records each server's CPU time per request. Control
 * rounds run two applications with {@code reload.enabled=false} the same way: the spread
 * of their ratios around 1 is how far apart two identical applications measure.
 *
 * @author reload-spring-boot
 */
final class Throughput {

	private final ColoursSample sample;

	private final int rounds;

	private final int controlRounds;

	private final int windows;

	private final long warmupMillis;

	private final long windowMillis;

	private final int connections;

	private final CpuAffinity affinity = CpuAffinity.detect();

	Throughput(ColoursSample sample, int rounds, int controlRounds, int windows, long warmupMillis, long windowMillis,
			int connections) {
		this.sample = sample;
		this.rounds = rounds;
		this.controlRounds = controlRounds;
		this.windows = windows;
		this.warmupMillis = warmupMillis;
		this.windowMillis = windowMillis;
		this.connections = connections;
	}

	Result run() {
		List<Slice> enabled = new ArrayList<>();
		List<Slice> disabled = new ArrayList<>();
		List<Double> roundRatios = new ArrayList<>();
		List<Double> controlRatios = new ArrayList<>();
		try (CpuAffinity.Pinned client = this.affinity.pinClient()) {
			for (int round = 0; round < this.rounds; round++) {
				// take turns at starting first: the first JVM may get the better code
				// cache layout
				boolean enabledFirst = round % 2 == 0;
				List<Slice[]> windows = runRound(enabledFirst, !enabledFirst, "round-" + round);
				List<Slice> enabledWindows = column(windows, enabledFirst ? 0 : 1);
				List<Slice> disabledWindows = column(windows, enabledFirst ? 1 : 0);
				enabled.addAll(enabledWindows);
				disabled.addAll(disabledWindows);
				roundRatios.add(ratios(enabledWindows, disabledWindows).median());
			}
			for (int round = 0; round < this.controlRounds; round++) {
				List<Slice[]> windows = runRound(false, false, "control-" + round);
				controlRatios.add(ratios(column(windows, 0), column(windows, 1)).median());
			}
		}
		return new Result(Slice.throughput(enabled), Slice.throughput(disabled), ratios(enabled, disabled),
				List.copyOf(roundRatios), List.copyOf(controlRatios), Slice.cpu(enabled), Slice.cpu(disabled),
				this.connections, this.affinity.describe());
	}

	/**
	 * Run two applications at the same time under the same load.
	 * @return for each window, the first application's slice and the second's
	 */
	private List<Slice[]> runRound(boolean firstEnabled, boolean secondEnabled, String name) {
		List<Slice[]> pairs = new ArrayList<>();
		try (ApplicationProcess firstApp = start(firstEnabled, name + "-first");
				ApplicationProcess secondApp = start(secondEnabled, name + "-second");
				LoadClient firstLoad = load(firstApp);
				LoadClient secondLoad = load(secondApp)) {
			Sleep.millis(this.warmupMillis);
			for (int window = 0; window < this.windows; window++) {
				Duration firstCpu = firstApp.cpuTime();
				Duration secondCpu = secondApp.cpuTime();
				firstLoad.recording(true);
				secondLoad.recording(true);
				long start = System.nanoTime();
				Sleep.millis(this.windowMillis);
				firstLoad.recording(false);
				secondLoad.recording(false);
				double seconds = (System.nanoTime() - start) / 1e9;
				pairs.add(new Slice[] { slice(firstApp, firstLoad, firstCpu, seconds),
						slice(secondApp, secondLoad, secondCpu, seconds) });
			}
		}
		return pairs;
	}

	private static List<Slice> column(List<Slice[]> windows, int application) {
		return windows.stream().map((pair) -> pair[application]).toList();
	}

	private LoadClient load(ApplicationProcess app) {
		return new LoadClient(this.connections / 2, List.of(app.url("/greeting")));
	}

	private static Slice slice(ApplicationProcess app, LoadClient load, Duration cpuBefore, double seconds) {
		Duration cpu = app.cpuTime().minus(cpuBefore);
		List<LoadClient.Sample> samples = load.drain();
		if (load.failures() > 0) {
			throw new IllegalStateException("Requests failed: " + load.failureReasons());
		}
		return new Slice(samples.size() / seconds, cpu.toNanos() / 1000.0 / Math.max(1, samples.size()));
	}

	private static Stats ratios(List<Slice> enabled, List<Slice> disabled) {
		List<Double> ratios = new ArrayList<>();
		for (int i = 0; i < enabled.size(); i++) {
			ratios.add(enabled.get(i).requestsPerSecond() / disabled.get(i).requestsPerSecond());
		}
		return new Stats(ratios);
	}

	private ApplicationProcess start(boolean reloadEnabled, String name) {
		return this.sample.start(this.affinity.serverLauncher(), false, List.of("-Xmx512m"),
				List.of("--server.port=0", "--reload.enabled=" + reloadEnabled), "throughput-" + name);
	}

	/**
	 * One window of load on one application.
	 *
	 * @param requestsPerSecond what the load client got answered
	 * @param serverCpuMicrosPerRequest the server's CPU time (all its threads) per
	 * request
	 */
	private record Slice(double requestsPerSecond, double serverCpuMicrosPerRequest) {

		static Stats throughput(List<Slice> slices) {
			return new Stats(slices.stream().map(Slice::requestsPerSecond).toList());
		}

		static Stats cpu(List<Slice> slices) {
			return new Stats(slices.stream().map(Slice::serverCpuMicrosPerRequest).toList());
		}

	}

	/**
	 * Requests per second and server CPU time per request, both ways.
	 *
	 * @param enabled requests per second with the starter
	 * @param disabled requests per second with {@code reload.enabled=false}
	 * @param ratios enabled / disabled requests per second, per window
	 * @param roundRatios the median ratio of each round, a fresh pair of applications
	 * each, in order
	 * @param controlRatios the median ratio of each control round, two applications with
	 * {@code reload.enabled=false}: how far from 1 the method measures a pair of
	 * identical applications
	 * @param enabledCpu server CPU microseconds per request with the starter
	 * @param disabledCpu server CPU microseconds per request without
	 * @param connections concurrent connections of the load client
	 * @param cores how client and server shared the cores
	 */
	record Result(Stats enabled, Stats disabled, Stats ratios, List<Double> roundRatios, List<Double> controlRatios,
			Stats enabledCpu, Stats disabledCpu, int connections, String cores) {

		/**
		 * Return the mean of the rounds' medians: the pairs of JVMs differ more than the
		 * windows of one pair.
		 * @return enabled / disabled requests per second
		 */
		double ratio() {
			return this.roundRatios.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
		}

	}

}
