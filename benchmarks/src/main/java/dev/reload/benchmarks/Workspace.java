package dev.reload.benchmarks;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Where an application under test runs from: a class directory of its own, which the
 * benchmark changes the way a build does, and the jars it depends on.
 *
 * @author reload-spring-boot
 */
final class Workspace {

	private final Path root;

	private final Path classes;

	Workspace(Path root) {
		this.root = root;
		this.classes = root.resolve("classes");
		try {
			Files.createDirectories(this.classes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	Path root() {
		return this.root;
	}

	Path classes() {
		return this.classes;
	}

	Path directory(String name) {
		try {
			return Files.createDirectories(this.root.resolve(name));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Put a class file in place as a compiler's last step does: written beside it, then
	 * moved over it in one step.
	 * @param relativePath the class file's path under the class directory
	 * @param bytes its content
	 * @return {@link System#nanoTime()} once it is in place
	 */
	long replace(String relativePath, byte[] bytes) {
		Path target = this.classes.resolve(relativePath);
		Path staged = this.root.resolve("staged.bin");
		try {
			Files.write(staged, bytes);
			Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return System.nanoTime();
	}

	/**
	 * Return the class path of the application: its class directory, then the jars the
	 * benchmarks run with, without DevTools unless asked for.
	 * @param withDevTools whether DevTools is on the class path
	 * @param without prefixes of jar names to leave out
	 * @return the class path
	 */
	List<Path> classpath(boolean withDevTools, String... without) {
		return classpath(this.classes, withDevTools, without);
	}

	/**
	 * Return a class path for an application that runs from another class directory, with
	 * the benchmark's jars.
	 * @param classes the class directory
	 * @param withDevTools whether DevTools is on the class path
	 * @param without prefixes of jar names to leave out
	 * @return the class path
	 */
	List<Path> classpath(Path classes, boolean withDevTools, String... without) {
		List<Path> classpath = new ArrayList<>(List.of(classes));
		for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
			Path path = Path.of(entry);
			String name = path.getFileName().toString();
			// only jars: a class directory on the class path would be reloadable too
			if (!name.endsWith(".jar") || name.startsWith("jmh-") || name.startsWith("xchart")) {
				continue;
			}
			if (name.startsWith("spring-boot-devtools") && !withDevTools) {
				continue;
			}
			if (List.of(without).stream().anyMatch(name::startsWith)) {
				continue;
			}
			classpath.add(path);
		}
		return classpath;
	}

}
