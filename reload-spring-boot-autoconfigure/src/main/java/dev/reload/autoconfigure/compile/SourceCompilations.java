package dev.reload.autoconfigure.compile;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import dev.reload.autoconfigure.change.ClassFileIndex;
import dev.reload.autoconfigure.engine.SourceCompilation;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Decides whether edited sources are compiled in-process, and says why not when they are
 * not: no source roots, a packaged application, or a Java runtime without a compiler.
 *
 * @author reload-spring-boot
 */
public final class SourceCompilations {

	private static final Log logger = LogFactory.getLog(SourceCompilations.class);

	private SourceCompilations() {
	}

	/**
	 * Return the source compilation for an application.
	 * @param sourceRoots the source roots, absolute and normalized; those without Java
	 * sources are not watched
	 * @param classDirectories the reload directories
	 * @param index the applied class files
	 * @param quietPeriod how long sources must stay unchanged before they are compiled
	 * @param classLoader the application's class loader, which tells whether it is
	 * packaged
	 * @return the compilation, {@link SourceCompilation#NONE} when sources are not
	 * compiled
	 */
	public static SourceCompilation forApplication(List<Path> sourceRoots, List<Path> classDirectories,
			ClassFileIndex index, Duration quietPeriod, @Nullable ClassLoader classLoader) {
		return forApplication(sourceRoots, classDirectories, index, quietPeriod, classLoader,
				ToolProvider::getSystemJavaCompiler);
	}

	static SourceCompilation forApplication(List<Path> sourceRoots, List<Path> classDirectories, ClassFileIndex index,
			Duration quietPeriod, @Nullable ClassLoader classLoader, Supplier<@Nullable JavaCompiler> compilers) {
		List<Path> javaRoots = sourceRoots.stream().filter(SourceCompilations::mayHoldJava).toList();
		if (javaRoots.isEmpty() || classDirectories.isEmpty()) {
			return SourceCompilation.NONE;
		}
		if (isPackaged(classLoader)) {
			logger.info("Edited sources in " + javaRoots + " are not compiled: the application is packaged; "
					+ "class files put into " + classDirectories + " are reloaded");
			return SourceCompilation.NONE;
		}
		JavaCompiler compiler = compilers.get();
		if (compiler == null) {
			logger.warn("Edited sources in " + javaRoots + " are not compiled: this Java runtime ("
					+ System.getProperty("java.home") + ") has no compiler (javax.tools); run the application on a "
					+ "JDK to have them compiled. Class files your build or IDE writes are still reloaded");
			return SourceCompilation.NONE;
		}
		InProcessSourceCompilation compilation;
		try {
			compilation = new InProcessSourceCompilation(compiler, javaRoots, classDirectories,
					ApplicationClassPath.current(), index, quietPeriod);
		}
		catch (IllegalStateException | UncheckedIOException ex) {
			// an unreadable build file is no reason not to start: class reloading goes on
			logger.warn("Edited sources in " + javaRoots + " are not compiled: " + ex.getMessage()
					+ ". Class files your build or IDE writes are still reloaded");
			return SourceCompilation.NONE;
		}
		logger.info("Edited sources in " + javaRoots + " are compiled on the next reload "
				+ compilation.compilerOptions()
				+ (compilation.resourceRoots().isEmpty() ? "" : "; edited resources in " + compilation.resourceRoots()
						+ " are copied, application*.properties and .yml left to the build"));
		if (!compilation.missingProcessors().isEmpty()) {
			logger.warn("The build's annotationProcessorPaths name " + compilation.missingProcessors()
					+ ", found neither on the class path nor in the local Maven repository: sources that need them "
					+ "do not compile in-process");
		}
		return compilation;
	}

	private static boolean mayHoldJava(Path root) {
		// the conventional Kotlin and Groovy roots are watched for rebuilds, not compiled
		return !root.endsWith("kotlin") && !root.endsWith("groovy");
	}

	private static boolean isPackaged(@Nullable ClassLoader classLoader) {
		for (ClassLoader loader = classLoader; loader != null; loader = loader.getParent()) {
			if (loader.getClass().getName().startsWith("org.springframework.boot.loader.")) {
				return true;
			}
		}
		return false;
	}

}
