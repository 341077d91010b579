package dev.reload;

/**
 * Published after a reload failed; the previous generation keeps serving.
 *
 * @author reload-spring-boot
 */
public class ReloadFailedEvent extends ReloadEvent {

	/**
	 * Create an event.
	 * @param source the reloader
	 * @param report the report of the reload, with its error
	 */
	public ReloadFailedEvent(Reloader source, ReloadReport report) {
		super(source, report);
	}

}
