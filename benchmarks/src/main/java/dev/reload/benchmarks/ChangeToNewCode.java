package dev.reload.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.reload.samples.support.Http;

/**
 * Measurement 1: from the moment a changed class file is in place to the first response
 * that shows the new behaviour, for the starter on the next request and in watch mode,
 * and for DevTools' restart with its default and with its fastest settings. Same
 * application, same change, same run.
 *
 * @author reload-spring-boot
 */
final class ChangeToNewCode {

	private static final Pattern GENERATION = Pattern.compile("^\\{\"generation\":(\\d+)");

	private final ColoursSample sample;

	private final int warmups;

	private final int warmupRequests;

	private final int trials;

	private int variant;

	ChangeToNewCode(ColoursSample sample, int warmups, int warmupRequests, int trials) {
		this.sample = sample;
		this.warmups = warmups;
		this.warmupRequests = warmupRequests;
		this.trials = trials;
	}

	/**
	 * Run every configuration.
	 * @return each configuration's latencies
	 */
	Map<String, Stats> run() {
		Map<String, Stats> results = new LinkedHashMap<>();
		results.put("reload, on request (default settings)", onRequest("on-request", List.of()));
		results.put("reload, on request (quiet-period 100ms)",
				onRequest("on-request-quiet-100ms", List.of("--reload.quiet-period=100ms")));
		results.put("reload, watch mode (default settings)", watch(List.of("--reload.mode=watch")));
		results.put("DevTools restart (default settings)", devTools(List.of()));
		results.put("DevTools restart (poll 50ms, quiet 20ms)", devTools(List
			.of("--spring.devtools.restart.poll-interval=50ms", "--spring.devtools.restart.quiet-period=20ms")));
		return results;
	}

	private Stats onRequest(String name, List<String> arguments) {
		List<String> all = new ArrayList<>(List.of("--server.port=0"));
		all.addAll(arguments);
		try (ApplicationProcess app = this.sample.start(false, List.of(), all, name)) {
			Probe probe = new Probe();
			return measure(app, () -> {
				int next = ++this.variant;
				long start = this.sample.apply(next);
				return probe.millisUntil(app.url("/colour"), shows(next), start);
			});
		}
	}

	private Stats watch(List<String> arguments) {
		List<String> all = new ArrayList<>(List.of("--server.port=0"));
		all.addAll(arguments);
		try (ApplicationProcess app = this.sample.start(false, List.of(), all, "watch")) {
			Probe probe = new Probe();
			return measure(app, () -> {
				int next = ++this.variant;
				long generation = generation(Http.get(app.url("/actuator/reload")));
				long start = this.sample.apply(next);
				// the endpoint's status does not apply changes: the watcher alone does
				probe.millisUntil(app.url("/actuator/reload"), (status) -> generation(status) > generation, start);
				return probe.millisUntil(app.url("/colour"), shows(next), start);
			});
		}
	}

	private Stats devTools(List<String> arguments) {
		List<String> all = new ArrayList<>(List.of("--server.port=" + FreePort.find()));
		all.addAll(arguments);
		try (ApplicationProcess app = this.sample.start(true, List.of(), all, "devtools")) {
			if (!app.log().contains("Spring Boot DevTools restarts this application")) {
				throw new IllegalStateException("DevTools did not take over the sample; its log:\n" + app.log());
			}
			Probe probe = new Probe();
			return measure(app, () -> {
				int next = ++this.variant;
				long start = this.sample.apply(next);
				return probe.millisUntil(app.url("/colour"), shows(next), start);
			});
		}
	}

	private static long generation(String status) {
		Matcher matcher = GENERATION.matcher(status);
		if (!matcher.find()) {
			throw new IllegalStateException("No generation in " + status);
		}
		return Long.parseLong(matcher.group(1));
	}

	private Predicate<String> shows(int variant) {
		return this.sample.answer(variant)::equals;
	}

	private Stats measure(ApplicationProcess app, Trial trial) {
		// an application that has served requests, as one under development has: the
		// first requests of a fresh JVM run interpreted, milliseconds each
		for (int i = 0; i < this.warmupRequests; i++) {
			try {
				PlainHttp.get(app.url("/colour"), 30_000);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Warming up " + app.url("/colour") + " failed", ex);
			}
		}
		for (int i = 0; i < this.warmups; i++) {
			trial.millis();
		}
		List<Double> millis = new ArrayList<>();
		for (int i = 0; i < this.trials; i++) {
			millis.add(trial.millis());
		}
		return new Stats(millis);
	}

	@FunctionalInterface
	interface Trial {

		double millis();

	}

}
