package dev.reload.autoconfigure.change;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.springframework.asm.ClassReader;

/**
 * Which reloadable classes refer to which, read from their class files.
 *
 * @author reload-spring-boot
 */
final class DependencyGraph {

	private static final String RUNTIME_HINTS_REGISTRAR = "org/springframework/aot/hint/RuntimeHintsRegistrar";

	/** The classes each class refers to. */
	private final Map<String, Set<String>> references;

	/** The classes whose references could not be read, with the reason. */
	private final Map<String, String> unreadable;

	/**
	 * Runtime hints registrars: only ahead-of-time processing runs them, so a reload
	 * neither defines one again for a class it refers to, nor reaches the classes that
	 * name it ({@code @ImportRuntimeHints} on the main class), unless it changed itself.
	 */
	private final Set<String> aheadOfTimeOnly;

	DependencyGraph(Map<String, byte[]> classFiles) {
		this.references = new HashMap<>();
		this.unreadable = new TreeMap<>();
		this.aheadOfTimeOnly = new HashSet<>();
		classFiles.forEach((name, bytes) -> read(name, bytes));
	}

	private DependencyGraph(DependencyGraph graph) {
		this.references = new HashMap<>(graph.references);
		this.unreadable = new TreeMap<>(graph.unreadable);
		this.aheadOfTimeOnly = new HashSet<>(graph.aheadOfTimeOnly);
	}

	/**
	 * Return a graph with the given changes applied, leaving this one as it is.
	 */
	DependencyGraph with(ChangeSet changes) {
		DependencyGraph graph = new DependencyGraph(this);
		graph.update(changes);
		return graph;
	}

	void update(ChangeSet changes) {
		changes.contents().forEach((name, file) -> read(name, file.bytes()));
		changes.removed().forEach((name) -> {
			this.references.remove(name);
			this.unreadable.remove(name);
			this.aheadOfTimeOnly.remove(name);
		});
	}

	/**
	 * Return the given classes and every class that refers to one of them, directly or
	 * transitively.
	 */
	Set<String> dependentsClosure(Set<String> roots) {
		if (!this.unreadable.isEmpty()) {
			// any of them may refer to a changed class: which to redefine is not known
			throw new IllegalStateException(
					"Cannot tell which classes refer to the changed ones: " + this.unreadable.entrySet()
						.stream()
						.map((entry) -> entry.getKey() + " (" + entry.getValue() + ")")
						.collect(Collectors.joining(", ")) + " could not be read with Spring's ASM");
		}
		Map<String, Set<String>> dependents = new HashMap<>();
		this.references.forEach((name, referenced) -> referenced
			.forEach((target) -> dependents.computeIfAbsent(target, (key) -> new HashSet<>()).add(name)));
		Set<String> closure = new TreeSet<>(roots);
		Deque<String> queue = new ArrayDeque<>(roots);
		while (!queue.isEmpty()) {
			for (String dependent : dependents.getOrDefault(queue.pop(), Set.of())) {
				if (!this.aheadOfTimeOnly.contains(dependent) && closure.add(dependent)) {
					queue.push(dependent);
				}
			}
		}
		return closure;
	}

	/**
	 * Return the classes that refer to one of the given ones directly, not the given ones
	 * themselves.
	 */
	Set<String> directDependents(Set<String> targets) {
		Set<String> dependents = new TreeSet<>();
		this.references.forEach((name, referenced) -> {
			if (!targets.contains(name) && referenced.stream().anyMatch(targets::contains)) {
				dependents.add(name);
			}
		});
		return dependents;
	}

	private void read(String name, byte[] bytes) {
		try {
			this.references.put(name, ClassReferences.of(bytes));
			this.unreadable.remove(name);
			if (Arrays.asList(new ClassReader(bytes).getInterfaces()).contains(RUNTIME_HINTS_REGISTRAR)) {
				this.aheadOfTimeOnly.add(name);
			}
			else {
				this.aheadOfTimeOnly.remove(name);
			}
		}
		catch (RuntimeException ex) {
			// not a class file, or a class file version newer than Spring's ASM reads
			this.references.put(name, Set.of());
			this.unreadable.put(name, describe(bytes, ex));
		}
	}

	private static String describe(byte[] bytes, RuntimeException ex) {
		boolean classFile = bytes.length >= 8 && (bytes[0] & 0xFF) == 0xCA && (bytes[1] & 0xFF) == 0xFE
				&& (bytes[2] & 0xFF) == 0xBA && (bytes[3] & 0xFF) == 0xBE;
		if (!classFile) {
			return "not a class file";
		}
		int major = ((bytes[6] & 0xFF) << 8) | (bytes[7] & 0xFF);
		return "class file version " + major + ": " + ex.getClass().getSimpleName() + ": " + ex.getMessage();
	}

}
