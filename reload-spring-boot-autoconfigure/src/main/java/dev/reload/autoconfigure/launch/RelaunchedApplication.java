package dev.reload.autoconfigure.launch;

import dev.reload.autoconfigure.change.ClassFileIndex;
import dev.reload.autoconfigure.classloader.ClassGenerations;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The class generations and class file index of an application whose {@code main} was
 * relaunched from generation 0: created before the relaunch, handed to the application
 * context of the relaunched run. One per JVM, as there is one {@code main}.
 *
 * @param generations the class generations the application runs from
 * @param index the class files generation 0 was defined from
 * @param mainClassName the class whose {@code main} was relaunched
 * @author reload-spring-boot
 */
public record RelaunchedApplication(ClassGenerations generations, ClassFileIndex index, String mainClassName) {

	private static volatile @Nullable RelaunchedApplication current;

	/**
	 * Create an instance.
	 * @param generations the class generations the application runs from
	 * @param index the class files generation 0 was defined from
	 * @param mainClassName the class whose {@code main} was relaunched
	 */
	public RelaunchedApplication {
		Assert.notNull(generations, "'generations' must not be null");
		Assert.notNull(index, "'index' must not be null");
		Assert.hasText(mainClassName, "'mainClassName' must not be empty");
	}

	/**
	 * Return the relaunched application of this JVM.
	 * @return the application, or {@code null} if {@code main} was not relaunched
	 */
	public static @Nullable RelaunchedApplication current() {
		return current;
	}

	/**
	 * Return whether a context with the given class loader belongs to the relaunched
	 * application.
	 * @param classLoader the context's class loader
	 * @return whether it is the relaunched application's
	 */
	public boolean owns(@Nullable ClassLoader classLoader) {
		return classLoader == this.generations.applicationClassLoader();
	}

	/**
	 * Record the application about to be relaunched.
	 * @param application the application
	 */
	public static void set(RelaunchedApplication application) {
		current = application;
	}

}
