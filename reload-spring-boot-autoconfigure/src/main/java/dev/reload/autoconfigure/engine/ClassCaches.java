package dev.reload.autoconfigure.engine;

import java.beans.Introspector;

import org.springframework.beans.CachedIntrospectionResults;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Clears the caches that hold classes, so that a replaced generation's classes are not
 * kept alive or handed out after a switch.
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
		ReflectionUtils.clearCache();
		AnnotationUtils.clearCache();
		ResolvableType.clearCache();
	}

}
