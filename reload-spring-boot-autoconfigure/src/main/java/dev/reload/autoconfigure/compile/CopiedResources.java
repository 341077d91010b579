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
import java.util.regex.Pattern;

import dev.reload.autoconfigure.change.TemporaryFiles;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The resources of the source tree ({@code src/main/resources}) and the class directory
 * the build copies them to: an edited resource is copied there, as an IDE does on save. A
 * template or static file is then rendered or served by the next request; a resource the
 * application read as it started ({@code schema.sql}, a message bundle) restarts it with
 * the edit, so that an entity's new column and its {@code schema.sql} arrive together.
 * Spring Boot's configuration files ({@code application*.properties}, {@code .yml},
 * {@code .yaml}) are left to the build, which filters them with Spring Boot's parent.
 *
 * @author reload-spring-boot
 */
final class CopiedResources {

	/** What Spring Boot's parent filters: a copy would lack the build's values. */
	private static final Pattern FILTERED = Pattern.compile("application.*\\.(properties|ya?ml)");

	/** The resource roots, each with the class directory its files are copied to. */
	private final Map<Path, Path> outputs;

	/**
	 * Create an instance.
	 * @param outputs each resource root with the class directory its files go to
	 */
	CopiedResources(Map<Path, Path> outputs) {
		Assert.notNull(outputs, "'outputs' must not be null");
		this.outputs = Map.copyOf(outputs);
	}

	/**
	 * Return the resource roots of the given Java source roots:
	 * {@code src/main/resources} beside each {@code src/main/java} whose classes go to a
	 * reload directory.
	 * @param roots the Java source roots
	 * @return the resources
	 */
	static CopiedResources of(SourceRoots roots) {
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
		return new CopiedResources(outputs);
	}

	List<Path> roots() {
		return new ArrayList<>(this.outputs.keySet());
	}

	/**
	 * Return whether a file is a resource under one of the roots that is copied on save.
	 */
	boolean isCopied(Path file) {
		Path root = rootOf(file);
		if (root == null || file.equals(root) || Files.isDirectory(file)) {
			return false;
		}
		String name = file.getFileName().toString();
		return !FILTERED.matcher(name).matches() && !TemporaryFiles.isTemporary(file);
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
