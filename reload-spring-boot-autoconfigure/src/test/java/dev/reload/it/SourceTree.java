package dev.reload.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;

import dev.reload.testsupport.SourceCompiler;

/**
 * A source root of the application under test, as a developer's editor sees it: the
 * sources are written as files, and the class directory holds what a build compiled from
 * them before the application started.
 *
 * @author reload-spring-boot
 */
final class SourceTree {

	private final Path root;

	private SourceTree(Path root) {
		this.root = root;
	}

	/**
	 * Write the sources and compile them into the class directory, as a build does before
	 * the application starts: every class file is newer than its source.
	 */
	static SourceTree built(Path root, Path classes, Map<String, String> sources) {
		SourceTree tree = new SourceTree(root);
		// older than anything compiled from them, as after a build
		FileTime built = FileTime.from(Instant.now().minusSeconds(60));
		sources.forEach((name, text) -> {
			Path file = tree.write(name, text);
			try {
				Files.setLastModifiedTime(file, built);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
		SourceCompiler.compile(classes, sources);
		return tree;
	}

	Path root() {
		return this.root;
	}

	/**
	 * Save sources, as an editor does.
	 */
	void save(Map<String, String> sources) {
		sources.forEach(this::write);
	}

	/**
	 * Delete the source of a class.
	 */
	void delete(String className) {
		try {
			Files.delete(fileOf(className));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	Path fileOf(String className) {
		return this.root.resolve(className.replace('.', '/') + ".java");
	}

	private Path write(String className, String text) {
		Path file = fileOf(className);
		try {
			Files.createDirectories(file.getParent());
			return Files.writeString(file, text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
