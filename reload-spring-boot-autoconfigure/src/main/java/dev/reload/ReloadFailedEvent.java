package dev.reload;

import org.jspecify.annotations.Nullable;

/**
 * Published after a reload failed; the previous generation keeps serving.
 *
 * @author reload-spring-boot
 */
public class ReloadFailedEvent extends ReloadEvent {

	private final @Nullable Throwable exception;

	/**
	 * Create an event.
	 * @param source the reloader
	 * @param report the report of the reload, with its error
	 * @param exception what made the reload fail
	 */
	public ReloadFailedEvent(Reloader source, ReloadReport report, @Nullable Throwable exception) {
		super(source, report);
		this.exception = exception;
	}

	/**
	 * Return what made the reload fail, as {@code ApplicationFailedEvent} does; the
	 * report's {@code error} describes it.
	 * @return the exception, or {@code null} if none was thrown
	 */
	public @Nullable Throwable getException() {
		return this.exception;
	}

}
