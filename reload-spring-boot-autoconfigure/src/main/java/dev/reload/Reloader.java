package dev.reload;

/**
 * Reloads changed classes into the running application. Available as a bean whenever
 * reloading is enabled.
 *
 * @author reload-spring-boot
 */
public interface Reloader {

	/**
	 * Apply every class change made since the last reload, now. Changed classes and the
	 * classes that depend on them are defined in a new class loader generation and the
	 * beans built from them are rebuilt; if anything fails, nothing is switched and the
	 * current code keeps serving.
	 * @return the report of this reload, the same one the actuator endpoint returns
	 */
	ReloadReport reload();

	/**
	 * Return to the code as it was before the last reload, through the same verified,
	 * atomic path as a reload; called again, to the reload before that, as far as the
	 * history goes. The class files on disk stay as they are and are not reloaded on
	 * requests until they change again.
	 * @return the report of the rollback; {@code NO_CHANGES} when there is nothing to
	 * roll back
	 */
	ReloadReport rollback();

	/**
	 * Register a class or package pattern for reloading (Apache2::Reload's
	 * {@code ReloadModules}). {@code com.acme.*} names every class in {@code com.acme}
	 * and its sub-packages; an exact name names one class and its nested classes.
	 * @param pattern the class name or package pattern
	 */
	void registerModule(String pattern);

	/**
	 * Stop reloading a class or package until it is registered again, even if the
	 * settings name it (Apache2::Reload's {@code unregister_module}). Code already loaded
	 * keeps running.
	 * @param pattern the class name or package pattern
	 */
	void unregisterModule(String pattern);

}
