package dev.reload.autoconfigure.compile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The Java source roots and the class directories their classes are compiled into: which
 * class a source file holds, where its class files are, and where new ones go.
 *
 * @author reload-spring-boot
 */
final class SourceRoots {

	/** Where Maven and Gradle put the classes of a source root, by convention. */
	private static final List<String[]> LAYOUTS = List.of(new String[] { "src/main/java", "target/classes" },
			new String[] { "src/test/java", "target/test-classes" },
			new String[] { "src/main/java", "build/classes/java/main" },
			new String[] { "src/test/java", "build/classes/java/test" });

	private final List<Path> roots;

	private final List<Path> classDirectories;

	/**
	 * Create an instance.
	 * @param roots the source roots, absolute and normalized
	 * @param classDirectories the reload directories, absolute and normalized, the first
	 * one for classes that have no class file yet
	 */
	SourceRoots(List<Path> roots, List<Path> classDirectories) {
		Assert.notNull(roots, "'roots' must not be null");
		Assert.notEmpty(classDirectories, "'classDirectories' must not be empty");
		this.roots = List.copyOf(roots);
		this.classDirectories = List.copyOf(classDirectories);
	}

	List<Path> roots() {
		return this.roots;
	}

	List<Path> classDirectories() {
		return this.classDirectories;
	}

	/**
	 * Return the root that holds a source file, or {@code null}.
	 */
	@Nullable Path rootOf(Path source) {
		for (Path root : this.roots) {
			if (source.startsWith(root) && !source.equals(root)) {
				return root;
			}
		}
		return null;
	}

	/**
	 * Return the name of the top-level class a {@code .java} file under a root is named
	 * after, or {@code null} for another file.
	 */
	@Nullable String className(Path source) {
		Path root = rootOf(source);
		String file = source.getFileName().toString();
		if (root == null || !file.endsWith(".java") || file.equals("module-info.java")) {
			return null;
		}
		return packageOf(root, source) + file.substring(0, file.length() - ".java".length());
	}

	private static String packageOf(Path root, Path source) {
		Path relative = root.relativize(source).getParent();
		return (relative != null) ? relative.toString().replace(source.getFileSystem().getSeparator(), ".") + "." : "";
	}

	/**
	 * Return the Java source file of a class, nested classes included, if a root has it.
	 */
	@Nullable Path sourceOf(String className) {
		int nested = className.indexOf('$');
		String path = ((nested > 0) ? className.substring(0, nested) : className).replace('.', '/') + ".java";
		for (Path root : this.roots) {
			Path candidate = root.resolve(path);
			if (Files.isRegularFile(candidate)) {
				return candidate;
			}
		}
		return null;
	}

	/**
	 * Return the class directory a source's classes are compiled into: the one that has
	 * its class file, else the one the build's layout gives its root, else the first.
	 */
	Path outputOf(Path source) {
		String className = className(source);
		if (className != null) {
			Path primary = classFile(className);
			if (primary != null) {
				return classDirectoryOf(primary);
			}
		}
		Path root = rootOf(source);
		return (root != null) ? outputOfRoot(root) : this.classDirectories.get(0);
	}

	/**
	 * Return the class directory the build's layout gives a source root, else the first.
	 */
	Path outputOfRoot(Path root) {
		for (String[] layout : LAYOUTS) {
			Path sourceLayout = Path.of(layout[0]);
			if (root.endsWith(sourceLayout)) {
				Path project = root;
				for (int i = 0; i < sourceLayout.getNameCount(); i++) {
					project = project.getParent();
				}
				Path output = project.resolve(layout[1]);
				if (this.classDirectories.contains(output)) {
					return output;
				}
			}
		}
		return this.classDirectories.get(0);
	}

	private Path classDirectoryOf(Path classFile) {
		for (Path directory : this.classDirectories) {
			if (classFile.startsWith(directory)) {
				return directory;
			}
		}
		throw new IllegalStateException(classFile + " is in no reload directory");
	}

	/**
	 * Return the class file of a class in the first class directory that has it.
	 */
	@Nullable Path classFile(String className) {
		String path = className.replace('.', '/') + ".class";
		for (Path directory : this.classDirectories) {
			Path candidate = directory.resolve(path);
			if (Files.isRegularFile(candidate)) {
				return candidate;
			}
		}
		return null;
	}

	/**
	 * Return the Java sources under the roots whose text has one of the given names as a
	 * word.
	 */
	Set<Path> sourcesMentioning(Set<String> names) {
		Set<Path> sources = new TreeSet<>();
		if (names.isEmpty()) {
			return sources;
		}
		Pattern word = Pattern
			.compile("\\b(" + names.stream().map(Pattern::quote).collect(Collectors.joining("|")) + ")\\b");
		for (Path root : this.roots) {
			if (!Files.isDirectory(root)) {
				continue;
			}
			try (Stream<Path> files = Files.walk(root)) {
				files.filter((file) -> file.toString().endsWith(".java")).forEach((file) -> {
					try {
						if (word.matcher(Files.readString(file)).find()) {
							sources.add(file);
						}
					}
					catch (IOException | UncheckedIOException ex) {
						// unreadable, or not in UTF-8: the compiler reads it if it
						// matters
					}
				});
			}
			catch (IOException | UncheckedIOException ex) {
				// changing while walked: its events follow
			}
		}
		return sources;
	}

	/**
	 * Return the class files compiled from a source file: its top-level class's and its
	 * nested classes', in every class directory.
	 */
	List<Path> classFilesOf(Path source) {
		String className = className(source);
		List<Path> files = new ArrayList<>();
		if (className == null) {
			return files;
		}
		int lastDot = className.lastIndexOf('.');
		String packagePath = (lastDot > 0) ? className.substring(0, lastDot).replace('.', '/') : "";
		String simpleName = className.substring(lastDot + 1);
		for (Path directory : this.classDirectories) {
			Path packageDirectory = packagePath.isEmpty() ? directory : directory.resolve(packagePath);
			if (!Files.isDirectory(packageDirectory)) {
				continue;
			}
			try (Stream<Path> children = Files.list(packageDirectory)) {
				children.filter((child) -> {
					String name = child.getFileName().toString();
					return name.equals(simpleName + ".class")
							|| (name.startsWith(simpleName + "$") && name.endsWith(".class"));
				}).forEach(files::add);
			}
			catch (IOException ex) {
				// deleted meanwhile: nothing of it to find
			}
		}
		return files;
	}

}
