package dev.reload.autoconfigure.engine;

import java.beans.Introspector;

import org.springframework.beans.CachedIntrospectionResults;

/**
 * Clears the bean introspection caches, which hold classes and their property descriptors
 * strongly, so that a replaced generation's classes are not kept alive after a switch.
 * Spring's caches of declared methods, annotations and types are not cleared whole:
 * {@code StaleClassCaches} removes the replaced classes from them, and every other class
 * keeps its entries warm.
 *
 * @author reload-spring-boot
 */
final class ClassCaches {

	private ClassCaches() {
	}

	static void clear(ClassLoader applicationParent) {
		// the generations' parent: every generation loader is underneath it
		CachedIntrospectionResults.clearClassLoader(applicationParent);
		Introspector.flushCaches();
	}

}
