package dev.reload.autoconfigure.metrics;

import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import dev.reload.ReloadReport;
import dev.reload.ReloadTrigger;
import dev.reload.autoconfigure.classloader.ClassGenerations;
import dev.reload.ReloadObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The reload meters: {@code reload.reloads}, a counter of reloads by outcome and trigger;
 * {@code reload.duration}, a timer with the same tags; and {@code reload.generation}, a
 * gauge of the class generation that serves.
 *
 * @author reload-spring-boot
 */
final class ReloadMetrics implements ReloadObserver, MeterBinder {

	private final ClassGenerations generations;

	private volatile @Nullable MeterRegistry registry;

	ReloadMetrics(ClassGenerations generations) {
		Assert.notNull(generations, "'generations' must not be null");
		this.generations = generations;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("reload.generation", this.generations, ClassGenerations::generation)
			.description("The class generation that serves; 0 until the first reload")
			.strongReference(true)
			.register(registry);
		this.registry = registry;
	}

	@Override
	public ReloadReport observe(ReloadTrigger trigger, Supplier<ReloadReport> reload) {
		long start = System.nanoTime();
		ReloadReport report = reload.get();
		long nanos = System.nanoTime() - start;
		MeterRegistry registry = this.registry;
		if (registry != null) {
			Tags tags = Tags.of("outcome", report.outcome().name().toLowerCase(), "trigger",
					trigger.name().toLowerCase());
			Counter.builder("reload.reloads")
				.description("Reload attempts, by outcome and trigger")
				.tags(tags)
				.register(registry)
				.increment();
			Timer.builder("reload.duration")
				.description("Time from the start of a reload to the switch, or to its failure")
				.tags(tags)
				.register(registry)
				.record(nanos, TimeUnit.NANOSECONDS);
		}
		return report;
	}

}
