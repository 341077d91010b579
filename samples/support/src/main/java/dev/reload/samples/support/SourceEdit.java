package dev.reload.samples.support;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * What a developer does between two requests: change a source file and compile it, here
 * with {@code javax.tools}, into a class directory the application reloads from.
 *
 * @author reload-spring-boot
 */
public final class SourceEdit {

	private SourceEdit() {
	}

	/**
	 * Copy a source file with one text replaced into a work directory, and compile it.
	 * @param source the source file
	 * @param from the text to replace, which must occur in the source
	 * @param to its replacement
	 * @param work where to write the edited source
	 * @param output where to write the class files
	 * @param classpath the class directory the source compiles against, before the
	 * current class path
	 * @return the edited source
	 */
	public static Path compile(Path source, String from, String to, Path work, Path output, Path classpath) {
		try {
			String text = Files.readString(source);
			if (!text.contains(from)) {
				throw new IllegalArgumentException("'" + from + "' does not occur in " + source);
			}
			Path edited = work.resolve(source.getFileName());
			Files.writeString(edited, text.replace(from, to));
			compile(edited, output, classpath);
			return edited;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Compile a source file.
	 * @param source the source file
	 * @param output where to write the class files
	 * @param classpath the class directory the source compiles against, before the
	 * current class path
	 */
	public static void compile(Path source, Path output, Path classpath) {
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		if (compiler == null) {
			throw new IllegalStateException("No Java compiler: run on a JDK, not a JRE");
		}
		String path = classpath + File.pathSeparator + System.getProperty("java.class.path");
		ByteArrayOutputStream errors = new ByteArrayOutputStream();
		int result = compiler.run(null, null, errors, "-d", output.toString(), "-classpath", path, "--release", "17",
				"-proc:none", source.toString());
		if (result != 0) {
			throw new IllegalStateException(
					"Could not compile " + source + ":\n" + errors.toString(StandardCharsets.UTF_8));
		}
	}

}
