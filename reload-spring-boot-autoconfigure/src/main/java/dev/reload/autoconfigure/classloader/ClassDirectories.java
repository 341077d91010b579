package dev.reload.autoconfigure.classloader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The directories whose class files are reloadable, and the mapping between a class
 * file's path and its class name.
 *
 * @author reload-spring-boot
 */
public final class ClassDirectories {

	private static final String SPRING = "org.springframework.";

	/** The packages under {@code org.springframework} of Spring's projects. */
	private static final Set<String> SPRING_PACKAGES = Set.of("aop", "aot", "asm", "beans", "cache", "cglib", "context",
			"core", "dao", "ejb", "expression", "format", "http", "instrument", "jca", "jdbc", "jms", "jmx", "jndi",
			"lang", "mail", "messaging", "mock", "objenesis", "orm", "oxm", "r2dbc", "remoting", "resilience",
			"scheduling", "scripting", "stereotype", "test", "transaction", "ui", "util", "validation", "web", "boot",
			"data", "security", "cloud", "session", "batch", "integration", "kafka", "amqp", "graphql", "hateoas", "ws",
			"retry", "vault", "ldap", "shell", "statemachine", "modulith", "ai", "grpc", "pulsar", "restdocs",
			"credhub", "xml");

	private static final String CLASS_SUFFIX = ".class";

	private final List<Path> roots;

	private final List<Path> resourceRoots;

	/**
	 * Create an instance.
	 * @param roots the reload directories, absolute and normalized; they need not exist
	 * yet
	 * @param resourceRoots the roots that the parent class loader does not already serve
	 * resources from
	 */
	public ClassDirectories(List<Path> roots, List<Path> resourceRoots) {
		Assert.notNull(roots, "'roots' must not be null");
		Assert.notNull(resourceRoots, "'resourceRoots' must not be null");
		this.roots = List.copyOf(roots);
		this.resourceRoots = List.copyOf(resourceRoots);
	}

	/**
	 * Return the reload directories.
	 * @return the directories, absolute and normalized
	 */
	public List<Path> roots() {
		return this.roots;
	}

	/**
	 * Return whether a class name belongs to the JDK or to Spring's own projects, whose
	 * classes are never loaded from a reload directory, whatever it holds. Only Spring's
	 * own packages count: an application may live under {@code org.springframework} too
	 * (Spring PetClinic's {@code org.springframework.samples}).
	 * @param className the class name
	 * @return whether it is such a class
	 */
	public static boolean isPlatformClass(String className) {
		if (className.startsWith("java.") || className.startsWith("javax.") || className.startsWith("jdk.")
				|| className.startsWith("sun.")) {
			return true;
		}
		if (!className.startsWith(SPRING)) {
			return false;
		}
		int end = className.indexOf('.', SPRING.length());
		return end > 0 && SPRING_PACKAGES.contains(className.substring(SPRING.length(), end));
	}

	/**
	 * Return the class file of the given class, if one of the directories has it.
	 * @param className the fully qualified class name
	 * @return the class file, or {@code null}
	 */
	public @Nullable Path classFile(String className) {
		for (Path candidate : classFileCandidates(className)) {
			if (Files.isRegularFile(candidate)) {
				return candidate;
			}
		}
		return null;
	}

	/**
	 * Return where the class file of the given class would be in each directory, in the
	 * order they are searched, whether it is there or not.
	 * @param className the fully qualified class name
	 * @return the candidate class files
	 */
	public List<Path> classFileCandidates(String className) {
		String relative = className.replace('.', '/') + CLASS_SUFFIX;
		return this.roots.stream().map((root) -> root.resolve(relative)).toList();
	}

	/**
	 * Return the class name of a class file under one of the directories.
	 * @param file the class file
	 * @return the class name, or {@code null} if the file is not a class file under a
	 * reload directory
	 */
	public @Nullable String className(Path file) {
		Path normalized = file.toAbsolutePath().normalize();
		if (!normalized.toString().endsWith(CLASS_SUFFIX)) {
			return null;
		}
		for (Path root : this.roots) {
			// Path.startsWith compares whole components: /srv/p1 never contains /srv/p10
			if (normalized.startsWith(root) && !normalized.equals(root)) {
				String relative = root.relativize(normalized)
					.toString()
					.replace(root.getFileSystem().getSeparator(), "/");
				String name = relative.substring(0, relative.length() - CLASS_SUFFIX.length()).replace('/', '.');
				return (name.endsWith("module-info") || name.endsWith("package-info")) ? null : name;
			}
		}
		return null;
	}

	/**
	 * Walk every directory and return the class files found, by class name. Where two
	 * directories hold the same class, the first one wins, as on a classpath.
	 * @return the class files by class name
	 */
	public Map<String, Path> findClassFiles() {
		Map<String, Path> found = new LinkedHashMap<>();
		for (Path root : this.roots) {
			if (!Files.isDirectory(root)) {
				continue;
			}
			try (Stream<Path> files = Files.walk(root)) {
				files.filter(Files::isRegularFile).forEach((file) -> {
					String name = className(file);
					if (name != null) {
						found.putIfAbsent(name, file);
					}
				});
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not list the class files under " + root, ex);
			}
		}
		return found;
	}

	/**
	 * Return the root that contains the given file.
	 * @param file a file under one of the directories
	 * @return the root, or {@code null}
	 */
	public @Nullable Path rootOf(Path file) {
		Path normalized = file.toAbsolutePath().normalize();
		for (Path root : this.roots) {
			if (normalized.startsWith(root)) {
				return root;
			}
		}
		return null;
	}

	@Nullable URL findResource(String name) {
		for (Path root : this.resourceRoots) {
			Path candidate = inside(root, name);
			if (candidate != null && Files.exists(candidate)) {
				return toUrl(candidate);
			}
		}
		return null;
	}

	Enumeration<URL> findResources(String name) {
		List<URL> urls = new ArrayList<>();
		for (Path root : this.resourceRoots) {
			Path candidate = inside(root, name);
			if (candidate != null && Files.exists(candidate)) {
				urls.add(toUrl(candidate));
			}
		}
		return Collections.enumeration(urls);
	}

	/**
	 * Resolve a resource name in a root, as the JDK's loaders do: a name with {@code ..}
	 * or a leading {@code /} that would leave the root names nothing.
	 */
	private static @Nullable Path inside(Path root, String name) {
		if (name.startsWith("/") || name.contains("\\")) {
			return null;
		}
		try {
			Path candidate = root.resolve(name).normalize();
			return candidate.startsWith(root) ? candidate : null;
		}
		catch (InvalidPathException ex) {
			return null;
		}
	}

	static URL toUrl(Path path) {
		try {
			return path.toUri().toURL();
		}
		catch (MalformedURLException ex) {
			throw new IllegalStateException("Could not turn " + path + " into a URL", ex);
		}
	}

	@Override
	public String toString() {
		return this.roots.toString();
	}

}
