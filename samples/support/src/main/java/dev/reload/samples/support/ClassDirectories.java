package dev.reload.samples.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Copies of a build's class directory, so that a test or a benchmark can change classes
 * without touching the build's own output.
 *
 * @author reload-spring-boot
 */
public final class ClassDirectories {

	private ClassDirectories() {
	}

	/**
	 * Copy a directory tree.
	 * @param from the directory to copy
	 * @param to an existing, empty directory
	 */
	public static void copy(Path from, Path to) {
		try (Stream<Path> files = Files.walk(from)) {
			for (Path file : files.toList()) {
				Path target = to.resolve(from.relativize(file).toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(file, target);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
