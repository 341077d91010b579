package dev.reload;

/**
 * How a reload ended.
 *
 * @author reload-spring-boot
 */
public enum ReloadOutcome {

	/**
	 * A new generation was built and switched in.
	 */
	RELOADED,

	/**
	 * No class had changed; nothing was done.
	 */
	NO_CHANGES,

	/**
	 * The new generation could not be built or needs a restart; nothing was switched and
	 * the previous code keeps serving.
	 */
	FAILED,

	/**
	 * The change could not be applied in place (an entity, a repository interface, a
	 * configuration class, the main class), so the application context was restarted
	 * in-process from a fresh generation of the class files on disk, as DevTools does;
	 * the report's {@code error} holds the reason. Only in development, with
	 * {@code reload.restart=auto}.
	 */
	RESTARTED

}
