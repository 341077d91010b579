package dev.reload.testsupport;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Compiles Java sources at test time, with {@code javax.tools}, straight into a reload
 * directory, as an IDE or a build would.
 *
 * @author reload-spring-boot
 */
public final class SourceCompiler {

	private SourceCompiler() {
	}

	/**
	 * Compile the given sources into the directory.
	 * @param output the directory to write class files to; also on the classpath
	 * @param sources source text by fully qualified class name
	 */
	public static void compile(Path output, Map<String, String> sources) {
		compile(output, sources, List.of());
	}

	/**
	 * Compile the given sources into the directory, with more class directories ahead of
	 * the classpath.
	 * @param output the directory to write class files to; also on the classpath
	 * @param sources source text by fully qualified class name
	 * @param classpath further class directories the sources refer to
	 */
	public static void compile(Path output, Map<String, String> sources, List<Path> classpath) {
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
		try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, null,
				StandardCharsets.UTF_8)) {
			Files.createDirectories(output);
			files.setLocation(StandardLocation.CLASS_OUTPUT, List.of(output.toFile()));
			List<JavaFileObject> units = new ArrayList<>();
			sources.forEach((name, text) -> units.add(new Source(name, text)));
			// the extra entries first: they may hold newer versions of classes on the
			// classpath
			StringBuilder path = new StringBuilder();
			classpath.forEach((entry) -> path.append(entry).append(File.pathSeparator));
			path.append(output).append(File.pathSeparator).append(System.getProperty("java.class.path"));
			List<String> options = List.of("-classpath", path.toString(), "-parameters", "-proc:none", "--release",
					"17");
			if (!compiler.getTask(null, files, diagnostics, options, null, units).call()) {
				StringBuilder message = new StringBuilder("Compilation failed:");
				for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
					message.append('\n').append(diagnostic);
				}
				throw new IllegalStateException(message.toString());
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static final class Source extends SimpleJavaFileObject {

		private final String text;

		Source(String className, String text) {
			super(URI.create("string:///" + className.replace('.', '/') + Kind.SOURCE.extension), Kind.SOURCE);
			this.text = text;
		}

		@Override
		public CharSequence getCharContent(boolean ignoreEncodingErrors) {
			return this.text;
		}

	}

	/**
	 * Return sources by class name from alternating names and texts.
	 * @param nameAndSource a class name, its source, the next class name, ...
	 * @return the sources
	 */
	public static Map<String, String> of(String... nameAndSource) {
		Map<String, String> sources = new LinkedHashMap<>();
		for (int i = 0; i < nameAndSource.length; i += 2) {
			sources.put(nameAndSource[i], nameAndSource[i + 1]);
		}
		return sources;
	}

}
