package dev.reload;

import java.util.function.Supplier;

import dev.reload.ReloadReport;
import dev.reload.ReloadTrigger;

/**
 * Something that watches each reload as it runs, such as metrics or an observation that
 * tracing and logging correlate. Beans of this type are picked up by the engine, in
 * order, the first one outermost.
 *
 * @author reload-spring-boot
 */
@FunctionalInterface
public interface ReloadObserver {

	/**
	 * Run the reload, observing it. An implementation must call the reload exactly once
	 * and return its report.
	 * @param trigger what started the reload
	 * @param reload the reload
	 * @return the reload's report
	 */
	ReloadReport observe(ReloadTrigger trigger, Supplier<ReloadReport> reload);

}
