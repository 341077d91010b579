package dev.reload;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What one reload did. The field names are part of the actuator endpoint's contract.
 *
 * @param outcome how the reload ended
 * @param generation the current class loader generation after the reload; 0 at start-up
 * @param changedClasses the fully qualified names of the classes whose class files
 * changed, were added or were removed, sorted
 * @param rebuiltBeans the names of the beans that were rebuilt, added or removed, sorted
 * @param durationMillis how long the reload took
 * @param trigger what started the reload
 * @param timestamp when the reload started
 * @param error what went wrong, naming the class and the cause, when the outcome is
 * {@link ReloadOutcome#FAILED}
 * @author reload-spring-boot
 */
public record ReloadReport(ReloadOutcome outcome, long generation, List<String> changedClasses,
		List<String> rebuiltBeans, long durationMillis, ReloadTrigger trigger, Instant timestamp,
		@Nullable String error) {

	public ReloadReport {
		changedClasses = List.copyOf(changedClasses);
		rebuiltBeans = List.copyOf(rebuiltBeans);
	}

}
