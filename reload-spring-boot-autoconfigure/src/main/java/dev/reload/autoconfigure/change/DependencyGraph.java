package dev.reload.autoconfigure.change;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which reloadable classes refer to which, read from their class files.
 *
 * @author reload-spring-boot
 */
final class DependencyGraph {

	/** The classes each class refers to. */
	private final Map<String, Set<String>> references;

	DependencyGraph(Map<String, byte[]> classFiles) {
		this.references = new HashMap<>();
		classFiles.forEach((name, bytes) -> this.references.put(name, referencesOrEmpty(bytes)));
	}

	private DependencyGraph(Map<String, Set<String>> references, boolean copy) {
		this.references = copy ? new HashMap<>(references) : references;
	}

	/**
	 * Return a graph with the given changes applied, leaving this one as it is.
	 */
	DependencyGraph with(ChangeSet changes) {
		DependencyGraph graph = new DependencyGraph(this.references, true);
		graph.update(changes);
		return graph;
	}

	void update(ChangeSet changes) {
		changes.contents().forEach((name, file) -> this.references.put(name, referencesOrEmpty(file.bytes())));
		changes.removed().forEach(this.references::remove);
	}

	/**
	 * Return the given classes and every class that refers to one of them, directly or
	 * transitively.
	 */
	Set<String> dependentsClosure(Set<String> roots) {
		Map<String, Set<String>> dependents = new HashMap<>();
		this.references.forEach((name, referenced) -> referenced
			.forEach((target) -> dependents.computeIfAbsent(target, (key) -> new HashSet<>()).add(name)));
		Set<String> closure = new TreeSet<>(roots);
		Deque<String> queue = new ArrayDeque<>(roots);
		while (!queue.isEmpty()) {
			for (String dependent : dependents.getOrDefault(queue.pop(), Set.of())) {
				if (closure.add(dependent)) {
					queue.push(dependent);
				}
			}
		}
		return closure;
	}

	private static Set<String> referencesOrEmpty(byte[] bytes) {
		try {
			return ClassReferences.of(bytes);
		}
		catch (RuntimeException ex) {
			// not a readable class file: defining it will fail and name the file
			return Set.of();
		}
	}

}
