package dev.reload.autoconfigure.change;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The source directories of the reloadable classes: a class file whose source file is
 * still there is being rewritten by a build, not removed.
 *
 * @author reload-spring-boot
 */
public final class SourceFiles {

	private static final List<String> EXTENSIONS = List.of(".java", ".kt", ".groovy");

	/** Where Maven and Gradle put classes, and where their sources are, by convention. */
	private static final List<String[]> LAYOUTS = List.of(new String[] { "target/classes", "src/main" },
			new String[] { "target/test-classes", "src/test" }, new String[] { "build/classes/java/main", "src/main" },
			new String[] { "build/classes/java/test", "src/test" },
			new String[] { "build/classes/kotlin/main", "src/main" },
			new String[] { "build/classes/kotlin/test", "src/test" });

	private final List<Path> roots;

	/**
	 * Create an instance.
	 * @param roots the source directories, absolute and normalized
	 */
	public SourceFiles(List<Path> roots) {
		Assert.notNull(roots, "'roots' must not be null");
		this.roots = List.copyOf(roots);
	}

	/**
	 * Return the source directories.
	 * @return the directories
	 */
	public List<Path> roots() {
		return this.roots;
	}

	/**
	 * Return the source file of a class, if one of the directories has it: the file named
	 * after its top-level class.
	 * @param className the class name, nested classes included
	 * @return the source file, or {@code null}
	 */
	public @Nullable Path sourceOf(String className) {
		int nested = className.indexOf('$');
		String path = ((nested > 0) ? className.substring(0, nested) : className).replace('.', '/');
		for (Path root : this.roots) {
			for (String extension : EXTENSIONS) {
				Path candidate = root.resolve(path + extension);
				if (Files.isRegularFile(candidate)) {
					return candidate;
				}
			}
		}
		return null;
	}

	/**
	 * Return the source directories a build's conventions give the class directories:
	 * {@code src/main/java} for Maven's {@code target/classes} and Gradle's
	 * {@code build/classes/java/main}, and so on, where they exist.
	 * @param classDirectories the class directories
	 * @return the source directories
	 */
	public static List<Path> conventionalFor(List<Path> classDirectories) {
		List<Path> sources = new ArrayList<>();
		for (Path classes : classDirectories) {
			for (String[] layout : LAYOUTS) {
				Path output = Path.of(layout[0]);
				if (classes.endsWith(output)) {
					Path project = classes;
					for (int i = 0; i < output.getNameCount(); i++) {
						project = project.getParent();
					}
					for (String language : List.of("java", "kotlin", "groovy")) {
						Path source = project.resolve(layout[1]).resolve(language);
						if (Files.isDirectory(source) && !sources.contains(source)) {
							sources.add(source);
						}
					}
				}
			}
		}
		return sources;
	}

}
