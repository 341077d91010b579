package dev.reload.benchmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * Measurement 3b: requests per second of the sample under a loopback load client, with
 * the starter enabled and with {@code reload.enabled=false}, in alternating rounds so
 * that drift of the machine affects both alike.
 *
 * @author reload-spring-boot
 */
final class Throughput {

	private final ColoursSample sample;

	private final int rounds;

	private final long warmupMillis;

	private final long measureMillis;

	private final int connections;

	Throughput(ColoursSample sample, int rounds, long warmupMillis, long measureMillis, int connections) {
		this.sample = sample;
		this.rounds = rounds;
		this.warmupMillis = warmupMillis;
		this.measureMillis = measureMillis;
		this.connections = connections;
	}

	Result run() {
		List<Double> enabled = new ArrayList<>();
		List<Double> disabled = new ArrayList<>();
		for (int round = 0; round < this.rounds; round++) {
			enabled.add(requestsPerSecond(true));
			disabled.add(requestsPerSecond(false));
		}
		return new Result(new Stats(enabled), new Stats(disabled), this.connections);
	}

	private double requestsPerSecond(boolean reloadEnabled) {
		try (ApplicationProcess app = this.sample.start(false, List.of("-Xmx512m"),
				List.of("--server.port=0", "--reload.enabled=" + reloadEnabled), "throughput-" + reloadEnabled)) {
			try (LoadClient load = new LoadClient(this.connections, List.of(app.url("/greeting")))) {
				Sleep.millis(this.warmupMillis);
				load.recording(true);
				long start = System.nanoTime();
				Sleep.millis(this.measureMillis);
				load.recording(false);
				double seconds = (System.nanoTime() - start) / 1e9;
				List<LoadClient.Sample> samples = load.drain();
				if (load.failures() > 0) {
					throw new IllegalStateException("Requests failed: " + load.failureReasons());
				}
				return samples.size() / seconds;
			}
		}
	}

	/**
	 * Requests per second in each round, both ways.
	 *
	 * @param enabled with the starter
	 * @param disabled with {@code reload.enabled=false}
	 * @param connections concurrent connections of the load client
	 */
	record Result(Stats enabled, Stats disabled, int connections) {

		double ratio() {
			return this.enabled.median() / this.disabled.median();
		}

	}

}
