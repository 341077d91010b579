package dev.reload;

/**
 * What started a reload.
 *
 * @author reload-spring-boot
 */
public enum ReloadTrigger {

	/**
	 * A request arrived after a change was detected (Apache2::Reload's
	 * {@code PerlInitHandler}).
	 */
	REQUEST,

	/**
	 * A {@code POST} to the {@code reload} actuator endpoint.
	 */
	ENDPOINT,

	/**
	 * A call to {@link Reloader#reload()}.
	 */
	API,

	/**
	 * A {@code POST} to {@code /actuator/reload/rollback}: back to the code before the
	 * last reload.
	 */
	ROLLBACK

}
