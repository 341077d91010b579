package dev.reload.samples.clinic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * A copy of the clinic's Maven project as a developer has it after a build: sources and
 * resources in {@code src/main}, classes in {@code target/classes} and
 * {@code target/test-classes} (with the probes), every class file newer than its source.
 *
 * @param root the project directory
 * @author reload-spring-boot
 */
record ClinicProject(Path root) {

	/**
	 * Copy the clinic's project into a directory.
	 * @param root the directory
	 * @return the copy
	 */
	static ClinicProject copyTo(Path root) {
		ClinicProject project = new ClinicProject(root);
		copy(Path.of(System.getProperty("clinic.classes")), project.classes());
		copy(Path.of(System.getProperty("clinic.test-classes")), root.resolve("target/test-classes"));
		copy(Path.of("src/main/java"), root.resolve("src/main/java"));
		copy(Path.of("src/main/resources"), root.resolve("src/main/resources"));
		return project;
	}

	Path classes() {
		return this.root.resolve("target/classes");
	}

	List<Path> classDirectories() {
		return List.of(classes(), this.root.resolve("target/test-classes"));
	}

	/**
	 * Return a file of the project.
	 * @param relativePath its path in the project
	 * @return the file
	 */
	Path file(String relativePath) {
		return this.root.resolve(relativePath);
	}

	/**
	 * Save a source of the project with one text replaced, as an editor does.
	 * @param relativePath the source's path in the project
	 * @param text the text to replace, which must be there
	 * @param replacement what replaces it
	 */
	void edit(String relativePath, String text, String replacement) {
		Path file = file(relativePath);
		try {
			String content = Files.readString(file);
			if (!content.contains(text)) {
				throw new IllegalStateException(file + " does not contain " + text);
			}
			Files.writeString(file, content.replace(text, replacement));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Write a new source of the project.
	 * @param relativePath the source's path in the project
	 * @param content what it holds
	 */
	void write(String relativePath, String content) {
		try {
			Files.createDirectories(file(relativePath).getParent());
			Files.writeString(file(relativePath), content);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Compile every source of the project into its class directory, as a build before the
	 * application starts does.
	 */
	void build() {
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		try (Stream<Path> paths = Files.walk(this.root.resolve("src/main/java"))) {
			List<String> arguments = new ArrayList<>(List.of("-parameters", "-proc:none", "-d", classes().toString(),
					"-cp", System.getProperty("java.class.path")));
			List<Path> sources = paths.filter((path) -> path.toString().endsWith(".java")).toList();
			sources.forEach((source) -> arguments.add(source.toString()));
			int result = compiler.run(null, null, null, arguments.toArray(String[]::new));
			if (result != 0) {
				throw new IllegalStateException("The clinic's sources did not compile");
			}
			FileTime built = FileTime.fromMillis(System.currentTimeMillis() - 60_000);
			for (Path source : sources) {
				Files.setLastModifiedTime(source, built);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void copy(Path from, Path to) {
		// as after a build: the sources are older than what was compiled from them
		FileTime built = FileTime.fromMillis(System.currentTimeMillis() - 60_000);
		try (Stream<Path> paths = Files.walk(from)) {
			for (Path path : paths.filter(Files::isRegularFile).toList()) {
				Path target = to.resolve(from.relativize(path).toString());
				Files.createDirectories(target.getParent());
				Files.copy(path, target);
				if (!target.toString().endsWith(".class")) {
					Files.setLastModifiedTime(target, built);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
