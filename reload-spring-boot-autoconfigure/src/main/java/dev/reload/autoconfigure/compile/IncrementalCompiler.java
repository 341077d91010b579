package dev.reload.autoconfigure.compile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.reload.autoconfigure.change.ClassFileIndex;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Compiles edited sources, and the sources whose classes refer to a class whose signature
 * the edit changed, and writes the class files where the build would have: all of them
 * or, when anything fails to compile, none.
 *
 * @author reload-spring-boot
 */
final class IncrementalCompiler {

	private static final Log logger = LogFactory.getLog(IncrementalCompiler.class);

	/**
	 * Constants computed from constants can change signatures in a chain; not forever.
	 */
	private static final int MAX_ROUNDS = 8;

	private final JdkCompiler compiler;

	private final SourceRoots roots;

	private final ClassFileIndex index;

	IncrementalCompiler(JdkCompiler compiler, SourceRoots roots, ClassFileIndex index) {
		Assert.notNull(compiler, "'compiler' must not be null");
		Assert.notNull(roots, "'roots' must not be null");
		Assert.notNull(index, "'index' must not be null");
		this.compiler = compiler;
		this.roots = roots;
		this.index = index;
	}

	/**
	 * Compile the edited sources and write their class files.
	 * @param edited the edited sources; those that no longer exist were deleted
	 * @return what was compiled and written
	 * @throws CompilationFailedException if a source does not compile; nothing is written
	 * then
	 */
	Result compile(Set<Path> edited) {
		long start = System.nanoTime();
		Set<Path> sources = new TreeSet<>();
		Set<Path> deleted = new TreeSet<>();
		edited.forEach((source) -> (Files.exists(source) ? sources : deleted).add(source));
		Map<Path, List<Path>> previousClassFiles = new HashMap<>();
		edited.forEach((source) -> previousClassFiles.put(source, this.roots.classFilesOf(source)));
		Set<String> hidden = new HashSet<>();
		deleted.forEach((source) -> hidden.addAll(classNames(previousClassFiles.get(source))));
		Changed changed = new Changed(new HashSet<>(hidden), new HashSet<>(hidden));
		Set<Path> followers = new TreeSet<>();
		Map<String, byte[]> compiled = Map.of();
		for (int round = 0; round < MAX_ROUNDS; round++) {
			Set<Path> more = sourcesReferringTo(changed, sources, deleted);
			more.removeAll(followers);
			if (round > 0 && more.isEmpty()) {
				break;
			}
			followers.addAll(more);
			Set<Path> all = new TreeSet<>(sources);
			all.addAll(followers);
			compiled = all.isEmpty() ? Map.of() : this.compiler.compile(all, hidden);
			changed.add(changed(compiled, all));
		}
		Set<Path> compiledSources = new TreeSet<>(sources);
		compiledSources.addAll(followers);
		Set<Path> written = write(compiled);
		Set<Path> removed = removeStale(compiled, compiledSources, deleted, previousClassFiles);
		long millis = (System.nanoTime() - start) / 1_000_000;
		logger.info("Compiled " + compiledSources.size() + ((compiledSources.size() == 1) ? " source" : " sources")
				+ " in " + millis + " ms" + (deleted.isEmpty() ? "" : ", " + deleted.size() + " deleted") + ": "
				+ names(compiledSources)
				+ (followers.isEmpty() ? "" : " (" + names(followers) + " refer to classes whose signatures changed)"));
		Set<Path> handled = new HashSet<>(edited);
		handled.addAll(followers);
		return new Result(handled, compiledSources, written, removed, millis);
	}

	private Set<Path> sourcesReferringTo(Changed changed, Set<Path> compiling, Set<Path> deleted) {
		Set<Path> sources = new TreeSet<>();
		Set<String> dependents = new TreeSet<>();
		if (!changed.signatures().isEmpty()) {
			dependents.addAll(this.index.directDependents(changed.signatures()));
		}
		for (String dependent : dependents) {
			Path source = this.roots.sourceOf(dependent);
			if (source == null) {
				logger.debug(dependent + " refers to a class whose signature changed but has no Java source in "
						+ this.roots.roots() + ": it is not compiled again");
			}
			else {
				sources.add(source);
			}
		}
		// a copied constant leaves no reference in the class file: its readers are found
		// by the class's name in their sources
		sources.addAll(this.roots.sourcesMentioning(simpleNames(changed.constants())));
		sources.removeAll(compiling);
		sources.removeAll(deleted);
		return sources;
	}

	private static Set<String> simpleNames(Set<String> classNames) {
		Set<String> names = new HashSet<>();
		for (String className : classNames) {
			String simple = className.substring(className.lastIndexOf('.') + 1);
			simple = simple.substring(simple.lastIndexOf('$') + 1);
			// an anonymous or local class has no name a source could use
			if (!simple.isEmpty() && Character.isJavaIdentifierStart(simple.charAt(0))) {
				names.add(simple);
			}
		}
		return names;
	}

	private Changed changed(Map<String, byte[]> compiled, Set<Path> sources) {
		Changed changed = new Changed(new HashSet<>(), new HashSet<>());
		compiled.forEach((name, bytes) -> {
			Path current = this.roots.classFile(name);
			byte[] previous = (current != null) ? readOrNull(current) : null;
			if (previous != null && !ClassSignature.of(previous).equals(ClassSignature.of(bytes))) {
				changed.signatures().add(name);
				if (!ClassSignature.constants(previous).equals(ClassSignature.constants(bytes))) {
					changed.constants().add(name);
				}
			}
		});
		// a nested class no longer compiled from its source is gone for its users too
		for (Path source : sources) {
			for (String name : classNames(this.roots.classFilesOf(source))) {
				if (!compiled.containsKey(name)) {
					changed.signatures().add(name);
				}
			}
		}
		return changed;
	}

	private Set<Path> write(Map<String, byte[]> compiled) {
		Set<Path> written = new LinkedHashSet<>();
		// the changed files first go next to their targets, then replace them one by one:
		// a file is never seen half-written, and the quiet period joins them into one
		// change
		Map<Path, Path> staged = new HashMap<>();
		try {
			for (Map.Entry<String, byte[]> entry : compiled.entrySet()) {
				Path target = targetOf(entry.getKey());
				byte[] current = readOrNull(target);
				if (current != null && Arrays.equals(current, entry.getValue())) {
					continue;
				}
				Files.createDirectories(target.getParent());
				Path temporary = target.resolveSibling(target.getFileName() + ".reload-tmp");
				Files.write(temporary, entry.getValue());
				staged.put(temporary, target);
			}
			for (Map.Entry<Path, Path> entry : staged.entrySet()) {
				Files.move(entry.getKey(), entry.getValue(), StandardCopyOption.REPLACE_EXISTING,
						StandardCopyOption.ATOMIC_MOVE);
				written.add(entry.getValue());
			}
			return written;
		}
		catch (IOException ex) {
			for (Path temporary : staged.keySet()) {
				temporary.toFile().delete();
			}
			throw new UncheckedIOException("Could not write the compiled classes: " + ex.getMessage(), ex);
		}
	}

	private Path targetOf(String className) {
		Path existing = this.roots.classFile(className);
		if (existing != null) {
			return existing;
		}
		Path source = this.roots.sourceOf(className);
		Path directory = (source != null) ? this.roots.outputOf(source) : this.roots.classDirectories().get(0);
		return directory.resolve(className.replace('.', '/') + ".class");
	}

	private Set<Path> removeStale(Map<String, byte[]> compiled, Set<Path> compiledSources, Set<Path> deleted,
			Map<Path, List<Path>> previousClassFiles) {
		Set<Path> removed = new TreeSet<>();
		Set<Path> candidates = new HashSet<>();
		deleted.forEach((source) -> candidates.addAll(previousClassFiles.get(source)));
		compiledSources.forEach((source) -> candidates.addAll(this.roots.classFilesOf(source)));
		for (Path classFile : candidates) {
			String name = className(classFile);
			if (name != null && !compiled.containsKey(name)) {
				try {
					if (Files.deleteIfExists(classFile)) {
						removed.add(classFile);
					}
				}
				catch (IOException ex) {
					throw new UncheckedIOException("Could not delete " + classFile + ", whose source is gone", ex);
				}
			}
		}
		return removed;
	}

	private Set<String> classNames(List<Path> classFiles) {
		Set<String> names = new HashSet<>();
		for (Path classFile : classFiles) {
			String name = className(classFile);
			if (name != null) {
				names.add(name);
			}
		}
		return names;
	}

	private @Nullable String className(Path classFile) {
		for (Path directory : this.roots.classDirectories()) {
			if (classFile.startsWith(directory)) {
				String relative = directory.relativize(classFile).toString();
				return relative.substring(0, relative.length() - ".class".length())
					.replace(classFile.getFileSystem().getSeparator(), ".");
			}
		}
		return null;
	}

	private static byte @Nullable [] readOrNull(Path file) {
		try {
			return Files.readAllBytes(file);
		}
		catch (IOException ex) {
			return null;
		}
	}

	private static String names(Set<Path> sources) {
		return sources.stream().map((source) -> source.getFileName().toString()).toList().toString();
	}

	/**
	 * The classes whose signatures changed, and those of them whose constants did.
	 */
	private record Changed(Set<String> signatures, Set<String> constants) {

		void add(Changed more) {
			this.signatures.addAll(more.signatures());
			this.constants.addAll(more.constants());
		}

	}

	/**
	 * What a compilation did.
	 *
	 * @param handled the sources that are no longer pending
	 * @param compiled the sources compiled
	 * @param written the class files written
	 * @param removed the class files deleted
	 * @param millis how long it took
	 */
	record Result(Set<Path> handled, Set<Path> compiled, Set<Path> written, Set<Path> removed, long millis) {

		boolean changedFiles() {
			return !this.written.isEmpty() || !this.removed.isEmpty();
		}

	}

}
