package dev.reload.benchmarks;

import java.util.List;

import dev.reload.samples.support.Http;

/**
 * Measurement 4: while a load client keeps connections busy, reload again and again, and
 * count failed requests; compare request latency during the reloads with the steady state
 * before them.
 *
 * @author reload-spring-boot
 */
final class ReloadsUnderLoad {

	private final ColoursSample sample;

	private final int reloads;

	private final int connections;

	private final long steadyMillis;

	ReloadsUnderLoad(ColoursSample sample, int reloads, int connections, long steadyMillis) {
		this.sample = sample;
		this.reloads = reloads;
		this.connections = connections;
		this.steadyMillis = steadyMillis;
	}

	Result run() {
		// manual: the endpoint applies each change, not the load's next request
		try (ApplicationProcess app = this.sample.start(false, List.of("-Xmx512m"),
				List.of("--server.port=0", "--reload.mode=manual"), "under-load")) {
			try (LoadClient load = new LoadClient(this.connections,
					List.of(app.url("/colour"), app.url("/greeting")))) {
				Sleep.millis(this.steadyMillis);
				load.recording(true);
				Sleep.millis(this.steadyMillis);
				Stats steady = latencies(load.drain());
				long reloadStart = System.nanoTime();
				int reloaded = 0;
				for (int i = 1; i <= this.reloads; i++) {
					this.sample.apply(i);
					String report = Http.post(app.url("/actuator/reload"));
					if (report.contains("\"outcome\":\"RELOADED\"")) {
						reloaded++;
					}
					else {
						throw new IllegalStateException("Reload " + i + " did not reload: " + report);
					}
				}
				double reloadSeconds = (System.nanoTime() - reloadStart) / 1e9;
				load.recording(false);
				List<LoadClient.Sample> during = load.drain();
				return new Result(reloaded, load.failures(), steady, latencies(during), during.size(), reloadSeconds,
						load.failureReasons());
			}
		}
	}

	private static Stats latencies(List<LoadClient.Sample> samples) {
		return new Stats(samples.stream().map(LoadClient.Sample::millis).toList());
	}

	/**
	 * What happened.
	 *
	 * @param reloads reloads that switched a generation in
	 * @param failedRequests requests that failed or did not answer 200
	 * @param steady request latency before the reloads
	 * @param during request latency while reloading
	 * @param requestsDuring requests answered while reloading
	 * @param seconds how long the reloads took in all
	 * @param failures what the failures were
	 */
	record Result(int reloads, long failedRequests, Stats steady, Stats during, int requestsDuring, double seconds,
			List<String> failures) {

	}

}
