package dev.reload.autoconfigure.launch;

import java.util.List;
import java.util.Map;

import dev.reload.ReloadReport;
import dev.reload.autoconfigure.change.ClassFileIndex;
import dev.reload.autoconfigure.change.StartupResources;
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
 * @param args the arguments {@code main} was given
 * @param history the reports of the runs before a restart, newest first, which the
 * restarted run goes on from
 * @param resources the resources of the class directories as they were before
 * {@code main} ran, as {@link StartupResources#read(List)} returns them
 * @author reload-spring-boot
 */
public record RelaunchedApplication(ClassGenerations generations, ClassFileIndex index, String mainClassName,
		List<String> args, List<ReloadReport> history, Map<String, String> resources) {

	private static volatile @Nullable RelaunchedApplication current;

	/**
	 * Create an instance.
	 * @param generations the class generations the application runs from
	 * @param index the class files generation 0 was defined from
	 * @param mainClassName the class whose {@code main} was relaunched
	 * @param args the arguments {@code main} was given
	 * @param history the reports of the runs before a restart, newest first
	 * @param resources the resources of the class directories before {@code main} ran
	 */
	public RelaunchedApplication {
		Assert.notNull(generations, "'generations' must not be null");
		Assert.notNull(index, "'index' must not be null");
		Assert.hasText(mainClassName, "'mainClassName' must not be empty");
		args = List.copyOf(args);
		history = List.copyOf(history);
		resources = Map.copyOf(resources);
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
