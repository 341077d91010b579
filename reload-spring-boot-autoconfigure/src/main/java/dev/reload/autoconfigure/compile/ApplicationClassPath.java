package dev.reload.autoconfigure.compile;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The running application's class path, as the compiler needs it: the entries of
 * {@code java.class.path}, with those a jar's manifest adds (a launcher's class path jar,
 * as Maven's Surefire and Windows' command line limit make).
 *
 * @author reload-spring-boot
 */
public final class ApplicationClassPath {

	private ApplicationClassPath() {
	}

	/**
	 * Return the class path of this JVM.
	 * @return the existing entries, in order
	 */
	public static List<Path> current() {
		return of(System.getProperty("java.class.path", ""));
	}

	static List<Path> of(String classPath) {
		Set<Path> entries = new LinkedHashSet<>();
		for (String element : classPath.split(java.io.File.pathSeparator)) {
			if (!element.isEmpty()) {
				try {
					add(Path.of(element).toAbsolutePath().normalize(), entries);
				}
				catch (InvalidPathException ex) {
					// not a path this file system has: nothing to compile against
				}
			}
		}
		return new ArrayList<>(entries);
	}

	private static void add(Path entry, Set<Path> entries) {
		if (!Files.exists(entry) || !entries.add(entry) || !entry.toString().endsWith(".jar")) {
			return;
		}
		try (JarFile jar = new JarFile(entry.toFile())) {
			Manifest manifest = jar.getManifest();
			String manifestClassPath = (manifest != null) ? manifest.getMainAttributes().getValue("Class-Path") : null;
			if (manifestClassPath == null) {
				return;
			}
			for (String reference : manifestClassPath.trim().split("\\s+")) {
				try {
					URI uri = entry.getParent().toUri().resolve(reference);
					if ("file".equals(uri.getScheme())) {
						add(Path.of(uri).normalize(), entries);
					}
				}
				catch (IllegalArgumentException ex) {
					// a reference that is no file: the JVM skips it too
				}
			}
		}
		catch (IOException ex) {
			// not a jar after all: the compiler says so if it matters
		}
	}

}
