package dev.reload.autoconfigure.modules;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.asm.ClassReader;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Finds the application's own classes that {@code reload.modules} names on the classpath
 * outside the reload directories, such as {@code BOOT-INF/classes} in an executable jar:
 * a class file put at the same package path in a reload directory (an overlay) replaces
 * the packaged class, and removing it brings the packaged one back.
 *
 * @author reload-spring-boot
 */
public final class PackagedClassFiles {

	private PackagedClassFiles() {
	}

	/**
	 * Read the packaged class files the patterns name.
	 * @param classLoader the application class loader
	 * @param patterns the patterns of {@code reload.modules}
	 * @param reloadDirectories the reload directories, whose classes are not packaged
	 * @return the class files' bytes by class name, the first on the classpath winning
	 */
	public static Map<String, byte[]> find(ClassLoader classLoader, List<ModulePattern> patterns,
			List<Path> reloadDirectories) {
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(classLoader);
		Map<String, byte[]> found = new LinkedHashMap<>();
		for (ModulePattern pattern : patterns) {
			for (String location : locations(pattern)) {
				try {
					for (Resource resource : resolver.getResources(location)) {
						if (!isUnder(resource, reloadDirectories)) {
							read(resource, pattern, found);
						}
					}
				}
				catch (IOException ex) {
					throw new IllegalStateException("Could not list the packaged classes of " + pattern, ex);
				}
			}
		}
		return found;
	}

	private static List<String> locations(ModulePattern pattern) {
		String text = pattern.text();
		if (text.endsWith(".*")) {
			return List.of("classpath*:" + text.substring(0, text.length() - 2).replace('.', '/') + "/**/*.class");
		}
		String path = text.replace('.', '/');
		return List.of("classpath*:" + path + ".class", "classpath*:" + path + "$*.class");
	}

	private static boolean isUnder(Resource resource, List<Path> directories) {
		try {
			if (!resource.isFile()) {
				return false;
			}
			Path file = resource.getFile().toPath().toAbsolutePath().normalize();
			return directories.stream().anyMatch(file::startsWith);
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static void read(Resource resource, ModulePattern pattern, Map<String, byte[]> found) throws IOException {
		byte[] bytes;
		try (InputStream stream = resource.getInputStream()) {
			bytes = stream.readAllBytes();
		}
		String name = new ClassReader(bytes).getClassName().replace('/', '.');
		if (pattern.matches(name) && !name.endsWith("package-info") && !name.endsWith("module-info")) {
			found.putIfAbsent(name, bytes);
		}
	}

}
