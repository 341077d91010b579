package dev.reload.autoconfigure.engine;

import java.util.Set;

/**
 * A change reaches classes that cannot be reloaded in place: the main application class
 * and what it refers to, which the application class loader loaded, and configuration
 * classes, whose bean definitions were fixed at start-up.
 *
 * @author reload-spring-boot
 */
class RestartRequiredException extends RuntimeException {

	RestartRequiredException(Set<String> classes, Set<String> changed) {
		super("Changes to " + changed + " need a restart: they reach " + classes
				+ ", which declare beans or were loaded at start-up (the main application class, "
				+ "classes it refers to, @Configuration classes and classes with @Bean methods) "
				+ "and cannot be reloaded in place; nothing was reloaded");
	}

}
