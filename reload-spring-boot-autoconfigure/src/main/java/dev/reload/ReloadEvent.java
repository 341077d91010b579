package dev.reload;

import org.springframework.context.ApplicationEvent;
import org.springframework.util.Assert;

/**
 * Published after a reload that did something: it switched a new generation in, or it
 * failed. Reloads that found no changes publish nothing.
 *
 * @author reload-spring-boot
 * @see ReloadSucceededEvent
 * @see ReloadFailedEvent
 */
public abstract class ReloadEvent extends ApplicationEvent {

	private final ReloadReport report;

	ReloadEvent(Reloader source, ReloadReport report) {
		super(source);
		Assert.notNull(report, "'report' must not be null");
		this.report = report;
	}

	/**
	 * Return the report of the reload, as the actuator endpoint shows it.
	 * @return the report
	 */
	public ReloadReport getReport() {
		return this.report;
	}

}
