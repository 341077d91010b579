package dev.reload.observation;

import dev.reload.ReloadReport;
import dev.reload.ReloadTrigger;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * What an observation of a reload knows: what started it and, once done, its report.
 *
 * @author reload-spring-boot
 */
public final class ReloadObservationContext extends Observation.Context {

	private final ReloadTrigger trigger;

	private volatile @Nullable ReloadReport report;

	/**
	 * Create a context.
	 * @param trigger what started the reload
	 */
	public ReloadObservationContext(ReloadTrigger trigger) {
		Assert.notNull(trigger, "'trigger' must not be null");
		this.trigger = trigger;
	}

	/**
	 * Return what started the reload.
	 * @return the trigger
	 */
	public ReloadTrigger getTrigger() {
		return this.trigger;
	}

	/**
	 * Return the reload's report, once it is done.
	 * @return the report, or {@code null} while the reload runs
	 */
	public @Nullable ReloadReport getReport() {
		return this.report;
	}

	/**
	 * Set the reload's report, once it is done.
	 * @param report the report
	 */
	public void setReport(ReloadReport report) {
		this.report = report;
	}

}
