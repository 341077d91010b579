package dev.reload;

/**
 * Published after a new generation was switched in: a place to warm caches or notify. It
 * is published on the thread that reloaded, after the switch.
 *
 * @author reload-spring-boot
 */
public class ReloadSucceededEvent extends ReloadEvent {

	/**
	 * Create an event.
	 * @param source the reloader
	 * @param report the report of the reload
	 */
	public ReloadSucceededEvent(Reloader source, ReloadReport report) {
		super(source, report);
	}

}
