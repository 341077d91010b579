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
	 * The background watcher saw the class files settle after a change
	 * ({@code reload.mode=watch}, or {@code auto} outside a web application).
	 */
	WATCHER,

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
