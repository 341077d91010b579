package dev.reload.autoconfigure.change;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The differences between the class files on disk and the ones the running generation was
 * built from.
 *
 * @param added class files that are new, by class name
 * @param modified class files whose content changed, by class name
 * @param removed classes whose class file is gone
 * @author reload-spring-boot
 */
public record ChangeSet(Map<String, ClassFile> added, Map<String, ClassFile> modified, Set<String> removed) {

	/**
	 * A change set with no changes.
	 */
	public static final ChangeSet NONE = new ChangeSet(Map.of(), Map.of(), Set.of());

	public ChangeSet {
		added = Map.copyOf(added);
		modified = Map.copyOf(modified);
		removed = Set.copyOf(removed);
	}

	/**
	 * Return whether nothing changed.
	 * @return whether the change set is empty
	 */
	public boolean isEmpty() {
		return this.added.isEmpty() && this.modified.isEmpty() && this.removed.isEmpty();
	}

	/**
	 * Return the names of every added, modified and removed class, sorted.
	 * @return the class names
	 */
	public Set<String> classNames() {
		Set<String> names = new TreeSet<>(this.added.keySet());
		names.addAll(this.modified.keySet());
		names.addAll(this.removed);
		return names;
	}

	/**
	 * Return the class files to define, added and modified, by class name.
	 * @return the class files
	 */
	public Map<String, ClassFile> contents() {
		Map<String, ClassFile> contents = new TreeMap<>(this.added);
		contents.putAll(this.modified);
		return contents;
	}

	/**
	 * Return this change set without the given classes.
	 * @param classNames the classes to leave out
	 * @return the remaining changes
	 */
	public ChangeSet without(Set<String> classNames) {
		if (classNames.isEmpty()) {
			return this;
		}
		Map<String, ClassFile> keptAdded = new TreeMap<>(this.added);
		Map<String, ClassFile> keptModified = new TreeMap<>(this.modified);
		Set<String> keptRemoved = new TreeSet<>(this.removed);
		keptAdded.keySet().removeAll(classNames);
		keptModified.keySet().removeAll(classNames);
		keptRemoved.removeAll(classNames);
		return new ChangeSet(keptAdded, keptModified, keptRemoved);
	}

	/**
	 * Return a value that is equal for two change sets with the same content, so that a
	 * version that failed is not retried until its files change again.
	 * @return the fingerprint
	 */
	public String fingerprint() {
		StringBuilder fingerprint = new StringBuilder();
		contents().forEach((name, file) -> fingerprint.append(name).append('=').append(file.sha256()).append(';'));
		new TreeSet<>(this.removed).forEach((name) -> fingerprint.append(name).append("=-;"));
		return fingerprint.toString();
	}

	/**
	 * A class file's content.
	 *
	 * @param name the class name
	 * @param bytes the content
	 * @param sha256 the SHA-256 of the content, in hex
	 */
	public record ClassFile(String name, byte[] bytes, String sha256) {

		/**
		 * Create a class file's content, computing its hash.
		 * @param name the class name
		 * @param bytes the content
		 * @return the class file
		 */
		public static ClassFile of(String name, byte[] bytes) {
			return new ClassFile(name, bytes, ClassFileIndex.sha256(bytes));
		}

	}

}
