package dev.reload.autoconfigure.compile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The templates and static files of the source tree ({@code src/main/resources}) and the
 * class directory the build copies them to: an edited template or static file is copied
 * there, as an IDE does on save, so that the next request is served by it. Only what is
 * rendered or served ({@code templates/}, {@code static/}, {@code public/},
 * {@code resources/}, {@code META-INF/resources/}) is copied; other resources, such as
 * {@code application.yml}, may be filtered by the build and are read once at start-up
 * anyway.
 *
 * @author reload-spring-boot
 */
final class ServedResources {

	private static final List<Path> SERVED = List.of(Path.of("templates"), Path.of("static"), Path.of("public"),
			Path.of("resources"), Path.of("META-INF/resources"));

	/** The resource roots, each with the class directory its files are copied to. */
	private final Map<Path, Path> outputs;

	/**
	 * Create an instance.
	 * @param outputs each resource root with the class directory its files go to
	 */
	ServedResources(Map<Path, Path> outputs) {
		Assert.notNull(outputs, "'outputs' must not be null");
		this.outputs = Map.copyOf(outputs);
	}

	/**
	 * Return the resource roots of the given Java source roots:
	 * {@code src/main/resources} beside each {@code src/main/java} whose classes go to a
	 * reload directory.
	 * @param roots the Java source roots
	 * @return the served resources
	 */
	static ServedResources of(SourceRoots roots) {
		Map<Path, Path> outputs = new LinkedHashMap<>();
		for (Path root : roots.roots()) {
			Path parent = root.getParent();
			if (root.getFileName() != null && root.getFileName().toString().equals("java") && parent != null) {
				Path resources = parent.resolve("resources");
				if (Files.isDirectory(resources)) {
					outputs.put(resources, roots.outputOfRoot(root));
				}
			}
		}
		return new ServedResources(outputs);
	}

	List<Path> roots() {
		return new ArrayList<>(this.outputs.keySet());
	}

	/**
	 * Return whether a file is a served resource under one of the roots.
	 */
	boolean isServed(Path file) {
		Path root = rootOf(file);
		if (root == null || Files.isDirectory(file)) {
			return false;
		}
		Path relative = root.relativize(file);
		return SERVED.stream().anyMatch((served) -> relative.startsWith(served) && !relative.equals(served));
	}

	private @Nullable Path rootOf(Path file) {
		for (Path root : this.outputs.keySet()) {
			if (file.startsWith(root)) {
				return root;
			}
		}
		return null;
	}

	/**
	 * Copy the given resources to their class directory, or delete the copies of those
	 * that are gone. A copy that is already the same is left alone.
	 * @param files the resources
	 * @return the copies written or deleted
	 */
	Set<Path> copy(Set<Path> files) {
		Set<Path> copied = new TreeSet<>();
		for (Path file : files) {
			Path root = rootOf(file);
			if (root == null) {
				continue;
			}
			Path target = this.outputs.get(root).resolve(root.relativize(file).toString());
			try {
				if (!Files.exists(file)) {
					if (Files.deleteIfExists(target)) {
						copied.add(target);
					}
				}
				else if (!Files.exists(target)
						|| !Arrays.equals(Files.readAllBytes(file), Files.readAllBytes(target))) {
					Files.createDirectories(target.getParent());
					Path temporary = target.resolveSibling(target.getFileName() + ".reload-tmp");
					Files.copy(file, temporary, StandardCopyOption.REPLACE_EXISTING);
					Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
					copied.add(target);
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not copy " + file + " to " + target + ": " + ex.getMessage(), ex);
			}
		}
		return copied;
	}

}
