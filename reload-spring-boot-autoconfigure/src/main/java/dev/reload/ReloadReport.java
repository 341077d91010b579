package dev.reload;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * What one reload did. The field names are part of the actuator endpoint's contract.
 *
 * @param outcome how the reload ended
 * @param generation the current class loader generation after the reload; 0 at start-up
 * @param changedClasses the fully qualified names of the classes whose class files
 * changed, were added or were removed, sorted
 * @param changedClassHashes the SHA-256 of each changed or added class file, by class
 * name, so that an audit can tell exactly which bytes were loaded
 * @param rebuiltBeans the names of the beans that were rebuilt, added or removed, sorted
 * @param durationMillis how long the reload took
 * @param trigger what started the reload
 * @param timestamp when the reload started
 * @param error what went wrong, naming the class and the cause, when the outcome is
 * {@link ReloadOutcome#FAILED}
 * @author reload-spring-boot
 */
public record ReloadReport(ReloadOutcome outcome, long generation, List<String> changedClasses,
		Map<String, String> changedClassHashes, List<String> rebuiltBeans, long durationMillis, ReloadTrigger trigger,
		Instant timestamp, @Nullable String error) {

	public ReloadReport {
		changedClasses = List.copyOf(changedClasses);
		changedClassHashes = Collections.unmodifiableMap(new TreeMap<>(changedClassHashes));
		rebuiltBeans = List.copyOf(rebuiltBeans);
	}

}
