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
	FAILED

}
