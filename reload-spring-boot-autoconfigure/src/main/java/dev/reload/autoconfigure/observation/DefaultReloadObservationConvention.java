package dev.reload.autoconfigure.observation;

import dev.reload.observation.ReloadObservationConvention;
import dev.reload.observation.ReloadObservationContext;
import dev.reload.ReloadReport;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

/**
 * The default naming of reload observations: {@code reload}, tagged with the trigger and
 * the outcome, and with the generation and the number of changed classes as high
 * cardinality values.
 *
 * @author reload-spring-boot
 */
public class DefaultReloadObservationConvention implements ReloadObservationConvention {

	@Override
	public String getName() {
		return "reload";
	}

	@Override
	public String getContextualName(ReloadObservationContext context) {
		return "reload " + context.getTrigger().name().toLowerCase();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(ReloadObservationContext context) {
		ReloadReport report = context.getReport();
		return KeyValues.of(KeyValue.of("trigger", context.getTrigger().name().toLowerCase()),
				KeyValue.of("outcome", (report != null) ? report.outcome().name().toLowerCase() : "unknown"));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(ReloadObservationContext context) {
		ReloadReport report = context.getReport();
		if (report == null) {
			return KeyValues.empty();
		}
		return KeyValues.of(KeyValue.of("reload.generation", Long.toString(report.generation())),
				KeyValue.of("reload.changed-classes", Integer.toString(report.changedClasses().size())));
	}

}
