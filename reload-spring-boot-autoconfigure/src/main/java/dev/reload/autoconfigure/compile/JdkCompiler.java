package dev.reload.autoconfigure.compile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;

import org.springframework.util.Assert;

/**
 * The JDK's compiler, kept warm: one file manager for every compilation, so that the jars
 * of the class path are opened and indexed once, not on every save.
 *
 * @author reload-spring-boot
 */
final class JdkCompiler implements AutoCloseable {

	/** More errors than these are not worth reading. */
	private static final int MAX_ERRORS = 20;

	private final JavaCompiler compiler;

	private final StandardJavaFileManager fileManager;

	private final List<String> options;

	private final ProcessorHints hints;

	private final JavaFileManager taskFileManager;

	/**
	 * Create a compiler.
	 * @param compiler the JDK's compiler
	 * @param classpath what the sources compile against: the reload directories first
	 * @param options the build's options
	 */
	JdkCompiler(JavaCompiler compiler, List<Path> classpath, BuildOptions options) {
		Assert.notNull(compiler, "'compiler' must not be null");
		Assert.notNull(classpath, "'classpath' must not be null");
		Assert.notNull(options, "'options' must not be null");
		this.compiler = compiler;
		this.fileManager = compiler.getStandardFileManager(null, Locale.ENGLISH, Charset.forName(options.encoding()));
		this.options = options.compilerOptions();
		try {
			this.fileManager.setLocationFromPaths(StandardLocation.CLASS_PATH, classpath);
			this.fileManager.setLocationFromPaths(StandardLocation.SOURCE_PATH, List.of());
			if (options.processorPath() != null) {
				this.fileManager.setLocationFromPaths(StandardLocation.ANNOTATION_PROCESSOR_PATH,
						options.processorPath());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not set up the compiler's class path", ex);
		}
		this.taskFileManager = (options.processorPath() != null)
				? new ProcessorPathFileManager(this.fileManager, options.processorPath()) : this.fileManager;
		this.hints = new ProcessorHints((options.processorPath() != null) ? options.processorPath() : classpath,
				options.missingProcessors());
	}

	/**
	 * Compile the given sources.
	 * @param sources the source files
	 * @return the class files written, by class name
	 * @throws CompilationFailedException if they do not compile
	 */
	Map<String, byte[]> compile(Collection<Path> sources) {
		return compile(sources, Set.of());
	}

	/**
	 * Compile the given sources as if some classes were not on the class path: those of
	 * deleted sources, whose class files are only deleted once everything compiles.
	 * @param sources the source files
	 * @param hidden the names of the classes the compiler must not see
	 * @return the class files written, by class name
	 * @throws CompilationFailedException if they do not compile
	 */
	synchronized Map<String, byte[]> compile(Collection<Path> sources, Set<String> hidden) {
		Path output = createOutput();
		try {
			DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
			this.fileManager.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(output));
			this.fileManager.setLocationFromPaths(StandardLocation.SOURCE_OUTPUT, List.of(output));
			Iterable<? extends JavaFileObject> units = this.fileManager.getJavaFileObjectsFromPaths(sources);
			JavaFileManager files = hidden.isEmpty() ? this.taskFileManager
					: new HidingFileManager(this.taskFileManager, hidden);
			boolean compiled = this.compiler.getTask(null, files, diagnostics, this.options, null, units).call();
			List<String> errors = errors(diagnostics);
			if (!compiled || !errors.isEmpty()) {
				if (errors.isEmpty()) {
					errors.add("the compiler reported no error but did not compile " + sources);
				}
				throw new CompilationFailedException(errors, this.hints.forFailure(sources));
			}
			return classFiles(output);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not compile " + sources + ": " + ex.getMessage(), ex);
		}
		finally {
			deleteRecursively(output);
		}
	}

	private static List<String> errors(DiagnosticCollector<JavaFileObject> diagnostics) {
		List<String> errors = new ArrayList<>();
		for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
			if (diagnostic.getKind() != Diagnostic.Kind.ERROR) {
				continue;
			}
			if (errors.size() == MAX_ERRORS) {
				errors.add("... and more");
				break;
			}
			// the compiler's own format: File.java:7: error: ';' expected
			JavaFileObject source = diagnostic.getSource();
			String file = (source != null) ? Path.of(source.toUri()).toString() : "(no file)";
			String line = (diagnostic.getLineNumber() > 0) ? ":" + diagnostic.getLineNumber() : "";
			errors.add(file + line + ": error: " + diagnostic.getMessage(Locale.ENGLISH));
		}
		return errors;
	}

	private static Map<String, byte[]> classFiles(Path output) throws IOException {
		Map<String, byte[]> classFiles = new HashMap<>();
		try (Stream<Path> files = Files.walk(output)) {
			for (Path file : (Iterable<Path>) files.filter((path) -> path.toString().endsWith(".class"))::iterator) {
				String relative = output.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".");
				classFiles.put(relative.substring(0, relative.length() - ".class".length()), Files.readAllBytes(file));
			}
		}
		return classFiles;
	}

	private static Path createOutput() {
		try {
			return Files.createTempDirectory("reload-compile");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not create a directory to compile into", ex);
		}
	}

	private static void deleteRecursively(Path directory) {
		try (Stream<Path> files = Files.walk(directory)) {
			files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
		catch (IOException ex) {
			// a temporary directory left behind is no reason to fail
		}
	}

	/**
	 * Leaves some classes out of what the class path lists.
	 */
	private static final class HidingFileManager extends ForwardingJavaFileManager<JavaFileManager> {

		private final Set<String> hidden;

		HidingFileManager(JavaFileManager fileManager, Set<String> hidden) {
			super(fileManager);
			this.hidden = hidden;
		}

		@Override
		public Iterable<JavaFileObject> list(Location location, String packageName, Set<JavaFileObject.Kind> kinds,
				boolean recurse) throws IOException {
			Iterable<JavaFileObject> listed = super.list(location, packageName, kinds, recurse);
			if (location != StandardLocation.CLASS_PATH) {
				return listed;
			}
			List<JavaFileObject> visible = new ArrayList<>();
			for (JavaFileObject file : listed) {
				String name = inferBinaryName(location, file);
				if (name == null || !this.hidden.contains(name)) {
					visible.add(file);
				}
			}
			return visible;
		}

	}

	/**
	 * Loads the processors from the build's processor path alone, as the build does: the
	 * JDK's own loader of the compiler is the application's class loader, so processors
	 * on the application's class path would run too. The compiler's API stays visible,
	 * which processors such as Lombok reach into.
	 */
	private static final class ProcessorPathFileManager extends ForwardingJavaFileManager<JavaFileManager> {

		private final ClassLoader processorLoader;

		ProcessorPathFileManager(JavaFileManager fileManager, List<Path> processorPath) {
			super(fileManager);
			URL[] urls = processorPath.stream().map(JdkCompiler::toUrl).toArray(URL[]::new);
			this.processorLoader = new URLClassLoader("reload-annotation-processors", urls, new CompilerApiLoader());
		}

		@Override
		public ClassLoader getClassLoader(Location location) {
			return (location == StandardLocation.ANNOTATION_PROCESSOR_PATH) ? this.processorLoader
					: super.getClassLoader(location);
		}

	}

	/**
	 * The platform's classes and the compiler's, nothing of the application's class path.
	 */
	private static final class CompilerApiLoader extends ClassLoader {

		private static final ClassLoader COMPILER = JavaCompiler.class.getModule()
			.getLayer()
			.findLoader("jdk.compiler");

		CompilerApiLoader() {
			super("reload-compiler-api", ClassLoader.getPlatformClassLoader());
		}

		@Override
		protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
			if (name.startsWith("com.sun.source.") || name.startsWith("com.sun.tools.javac.")) {
				return COMPILER.loadClass(name);
			}
			return super.loadClass(name, resolve);
		}

	}

	private static URL toUrl(Path path) {
		try {
			return path.toUri().toURL();
		}
		catch (MalformedURLException ex) {
			throw new IllegalArgumentException("Not a processor path entry: " + path, ex);
		}
	}

	@Override
	public void close() {
		try {
			this.fileManager.close();
		}
		catch (IOException ex) {
			// closing jars that are open for reading
		}
	}

}
