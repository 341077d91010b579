package dev.reload.autoconfigure.observation;

import dev.reload.observation.ReloadObservationConvention;
import dev.reload.observation.ReloadObservationContext;
import java.util.function.Supplier;

import dev.reload.ReloadOutcome;
import dev.reload.ReloadReport;
import dev.reload.ReloadTrigger;
import dev.reload.ReloadObserver;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.util.Assert;

/**
 * Runs each reload inside an {@link Observation}, so that its log lines carry the trace
 * of the request or the operation that started it, and tracing records it as a span. A
 * failed reload is reported as the observation's error.
 *
 * @author reload-spring-boot
 */
final class ObservationReloadObserver implements ReloadObserver {

	private static final ReloadObservationConvention DEFAULT_CONVENTION = new DefaultReloadObservationConvention();

	private final ObservationRegistry registry;

	private final ReloadObservationConvention convention;

	ObservationReloadObserver(ObservationRegistry registry, ReloadObservationConvention convention) {
		Assert.notNull(registry, "'registry' must not be null");
		Assert.notNull(convention, "'convention' must not be null");
		this.registry = registry;
		this.convention = convention;
	}

	@Override
	public ReloadReport observe(ReloadTrigger trigger, Supplier<ReloadReport> reload) {
		ReloadObservationContext context = new ReloadObservationContext(trigger);
		Observation observation = Observation.createNotStarted(this.convention, DEFAULT_CONVENTION, () -> context,
				this.registry);
		return observation.observe(() -> {
			ReloadReport report = reload.get();
			context.setReport(report);
			if (report.outcome() == ReloadOutcome.FAILED) {
				observation.error(new ReloadFailure(report));
			}
			return report;
		});
	}

	/**
	 * A failed reload, as the error of its observation; the reload itself throws nothing.
	 */
	static final class ReloadFailure extends RuntimeException {

		ReloadFailure(ReloadReport report) {
			super("Reload failed, generation " + report.generation() + " keeps serving: " + report.error(), null, false,
					false);
		}

	}

}
