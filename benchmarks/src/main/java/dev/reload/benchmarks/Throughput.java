package dev.reload.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Measurement 3b: requests per second of the sample under a loopback load client, with
 * the starter enabled and with {@code reload.enabled=false}. Both applications run side
 * by side, warmed up, and the load alternates between them in short slices, so that the
 * drift of a shared machine (a neighbour, a frequency change) affects both alike; an idle
 * application costs the other next to nothing. The ratio is taken per pair of slices run
 * back to back, and its median reported: the machine's speed drifts more between pairs
 * than within one. Each JVM compiles the same code a little differently, so a pair of
 * applications is started afresh for every round. Where cores can be chosen, the servers
 * run on one core and the client on the others. Each slice also records the server's CPU
 * time per request.
 *
 * @author reload-spring-boot
 */
final class Throughput {

	private final ColoursSample sample;

	private final int rounds;

	private final int slices;

	private final long warmupMillis;

	private final long sliceMillis;

	private final int connections;

	private final CpuAffinity affinity = CpuAffinity.detect();

	Throughput(ColoursSample sample, int rounds, int slices, long warmupMillis, long sliceMillis, int connections) {
		this.sample = sample;
		this.rounds = rounds;
		this.slices = slices;
		this.warmupMillis = warmupMillis;
		this.sliceMillis = sliceMillis;
		this.connections = connections;
	}

	Result run() {
		List<Slice> enabled = new ArrayList<>();
		List<Slice> disabled = new ArrayList<>();
		List<Double> roundRatios = new ArrayList<>();
		try (CpuAffinity.Pinned client = this.affinity.pinClient()) {
			for (int round = 0; round < this.rounds; round++) {
				int first = enabled.size();
				runRound(round, enabled, disabled);
				roundRatios.add(ratios(enabled.subList(first, enabled.size()), disabled.subList(first, disabled.size()))
					.median());
			}
		}
		return new Result(Slice.throughput(enabled), Slice.throughput(disabled), ratios(enabled, disabled),
				List.copyOf(roundRatios), Slice.cpu(enabled), Slice.cpu(disabled), this.connections,
				this.affinity.describe());
	}

	private void runRound(int round, List<Slice> enabled, List<Slice> disabled) {
		try (ApplicationProcess enabledApp = start(true, round); ApplicationProcess disabledApp = start(false, round)) {
			measure(enabledApp, this.warmupMillis);
			measure(disabledApp, this.warmupMillis);
			for (int slice = 0; slice < this.slices; slice++) {
				// alternate which goes first, so neither always follows the other
				boolean enabledFirst = slice % 2 == 0;
				(enabledFirst ? enabled : disabled)
					.add(measure(enabledFirst ? enabledApp : disabledApp, this.sliceMillis));
				(enabledFirst ? disabled : enabled)
					.add(measure(enabledFirst ? disabledApp : enabledApp, this.sliceMillis));
			}
		}
	}

	private static Stats ratios(List<Slice> enabled, List<Slice> disabled) {
		List<Double> ratios = new ArrayList<>();
		for (int i = 0; i < enabled.size(); i++) {
			ratios.add(enabled.get(i).requestsPerSecond() / disabled.get(i).requestsPerSecond());
		}
		return new Stats(ratios);
	}

	private ApplicationProcess start(boolean reloadEnabled, int round) {
		return this.sample.start(this.affinity.serverLauncher(), false, List.of("-Xmx512m"),
				List.of("--server.port=0", "--reload.enabled=" + reloadEnabled),
				"throughput-" + reloadEnabled + "-" + round);
	}

	private Slice measure(ApplicationProcess app, long millis) {
		try (LoadClient load = new LoadClient(this.connections, List.of(app.url("/greeting")))) {
			// let the connections open before counting
			Sleep.millis(200);
			Duration cpuBefore = app.cpuTime();
			load.recording(true);
			long start = System.nanoTime();
			Sleep.millis(millis);
			load.recording(false);
			double seconds = (System.nanoTime() - start) / 1e9;
			Duration cpu = app.cpuTime().minus(cpuBefore);
			List<LoadClient.Sample> samples = load.drain();
			if (load.failures() > 0) {
				throw new IllegalStateException("Requests failed: " + load.failureReasons());
			}
			return new Slice(samples.size() / seconds, cpu.toNanos() / 1000.0 / Math.max(1, samples.size()));
		}
	}

	/**
	 * One slice of load on one application.
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
	 * @param ratios enabled / disabled requests per second, per pair of slices
	 * @param roundRatios the median ratio of each round, a fresh pair of applications
	 * each, in order
	 * @param enabledCpu server CPU microseconds per request with the starter
	 * @param disabledCpu server CPU microseconds per request without
	 * @param connections concurrent connections of the load client
	 * @param cores how client and server shared the cores
	 */
	record Result(Stats enabled, Stats disabled, Stats ratios, List<Double> roundRatios, Stats enabledCpu,
			Stats disabledCpu, int connections, String cores) {

		double ratio() {
			return this.ratios.median();
		}

	}

}
