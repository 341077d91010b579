package dev.reload.autoconfigure.change;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Duration;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.reload.autoconfigure.change.ChangeSet.ClassFile;
import dev.reload.autoconfigure.classloader.ClassDirectories;
import org.jspecify.annotations.Nullable;

import org.springframework.asm.ClassReader;
import org.springframework.util.Assert;

/**
 * The content hashes of the class files the running generation was built from, and the
 * differences between them and what is on disk now. Content, not modification time,
 * decides: a file rewritten with the same bytes is not a change.
 *
 * @author reload-spring-boot
 */
public final class ClassFileIndex {

	/** Larger than any class file javac or a bytecode library writes. */
	static final int MAX_CLASS_FILE_SIZE = 16 << 20;

	private final ClassDirectories directories;

	/** The SHA-256 of each class as the running generation has it. */
	private final Map<String, String> applied = new HashMap<>();

	/** The last size, time and hash seen per file, so unchanged files are not re-read. */
	private final Map<Path, Observed> observed = new HashMap<>();

	/** The classes that differed from the applied ones at the last comparison. */
	private final Set<String> differing = new HashSet<>();

	private @Nullable DependencyGraph dependencies;

	private final Map<String, ClassFile> packaged;

	private Map<String, byte[]> initialClassFiles;

	/**
	 * Create an index of the class files in the given directories as they are now.
	 * @param directories the reload directories
	 * @param packaged reloadable classes packaged with the application, by class name: a
	 * class file in a reload directory replaces one, and removing that file restores it
	 */
	public ClassFileIndex(ClassDirectories directories, Map<String, byte[]> packaged) {
		Assert.notNull(directories, "'directories' must not be null");
		Assert.notNull(packaged, "'packaged' must not be null");
		this.directories = directories;
		this.packaged = new HashMap<>();
		packaged.forEach((name, bytes) -> this.packaged.put(name, ClassFile.of(name, bytes)));
		this.initialClassFiles = new HashMap<>(packaged);
		this.packaged.forEach((name, content) -> this.applied.put(name, content.sha256()));
		directories.findClassFiles().forEach((name, file) -> {
			try {
				// attributes first: a write after them shows as a newer time at the next
				// diff
				BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
				byte[] bytes = read(file);
				String hash = sha256(bytes);
				this.observed.put(file, Observed.of(attributes, hash));
				this.applied.put(name, hash);
				this.initialClassFiles.put(name, bytes);
			}
			catch (NoSuchFileException ex) {
				// deleted while listing: not part of the start-up state
			}
			catch (IOException ex) {
				throw new IllegalStateException("Could not read class file " + file, ex);
			}
		});
	}

	/**
	 * Return how many packaged classes a reload directory may replace.
	 * @return the number of packaged classes
	 */
	public int packagedClassCount() {
		return this.packaged.size();
	}

	/**
	 * Return the class files as they were read when the index was created, once: the
	 * index keeps only their hashes.
	 * @return the class files' bytes by class name
	 */
	public Map<String, byte[]> takeInitialClassFiles() {
		Map<String, byte[]> taken = this.initialClassFiles;
		this.initialClassFiles = Map.of();
		return taken;
	}

	/**
	 * Return how the class files on disk differ from the applied ones, reading every
	 * class file's attributes.
	 * @return the changes, empty if there are none
	 */
	public synchronized ChangeSet diff() {
		Map<String, Path> onDisk = this.directories.findClassFiles();
		Map<String, ClassFile> added = new HashMap<>();
		Map<String, ClassFile> modified = new HashMap<>();
		onDisk.forEach((name, file) -> {
			String appliedHash = this.applied.get(name);
			ClassFile content = readIfChanged(file, name, appliedHash);
			if (content != null) {
				((appliedHash != null) ? modified : added).put(name, content);
			}
		});
		this.packaged.forEach((name, content) -> {
			// a packaged class without a replacement on disk is itself again
			String appliedHash = this.applied.get(name);
			if (!onDisk.containsKey(name) && !content.sha256().equals(appliedHash)) {
				((appliedHash != null) ? modified : added).put(name, content);
			}
		});
		Set<String> removed = new HashSet<>(this.applied.keySet());
		removed.removeAll(onDisk.keySet());
		removed.removeAll(this.packaged.keySet());
		this.observed.keySet().retainAll(new HashSet<>(onDisk.values()));
		return remember(new ChangeSet(added, modified, removed));
	}

	/**
	 * Return how the class files differ from the applied ones, looking only at the given
	 * files and at the classes that differed at the last comparison: what a watcher that
	 * heard of every file that changed can ask, in time that depends on the change rather
	 * than on the size of the application.
	 * @param files the files written, moved or deleted since the last comparison; those
	 * that are not class files under the directories are ignored
	 * @return the changes, empty if there are none
	 */
	public synchronized ChangeSet diff(Collection<Path> files) {
		Set<String> candidates = new HashSet<>(this.differing);
		for (Path file : files) {
			String name = this.directories.className(file);
			if (name != null) {
				candidates.add(name);
			}
		}
		Map<String, ClassFile> added = new HashMap<>();
		Map<String, ClassFile> modified = new HashMap<>();
		Set<String> removed = new HashSet<>();
		for (String name : candidates) {
			String appliedHash = this.applied.get(name);
			Path file = this.directories.classFile(name);
			ClassFile content;
			if (file != null) {
				content = readIfChanged(file, name, appliedHash);
			}
			else {
				forgetObserved(name);
				ClassFile packaged = this.packaged.get(name);
				content = (packaged != null && !packaged.sha256().equals(appliedHash)) ? packaged : null;
				if (packaged == null && appliedHash != null) {
					removed.add(name);
				}
			}
			if (content != null) {
				((appliedHash != null) ? modified : added).put(name, content);
			}
		}
		return remember(new ChangeSet(added, modified, removed));
	}

	private ChangeSet remember(ChangeSet changes) {
		this.differing.clear();
		this.differing.addAll(changes.classNames());
		return changes;
	}

	private void forgetObserved(String className) {
		this.directories.classFileCandidates(className).forEach(this.observed::remove);
	}

	/**
	 * Return the content of a class file if it differs from the applied version. A file
	 * whose size and time are as last seen, with the applied hash, is not read at all,
	 * unless it was seen within the file system's time resolution of its modification: a
	 * rewrite of the same size in that tick would keep the time. Any other is read once,
	 * and the content returned is exactly what was hashed.
	 */
	private @Nullable ClassFile readIfChanged(Path file, String name, @Nullable String appliedHash) {
		try {
			BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
			Observed previous = this.observed.get(file);
			if (previous != null && !previous.racy() && previous.size() == attributes.size()
					&& previous.modified().equals(attributes.lastModifiedTime())
					&& previous.sha256().equals(appliedHash)) {
				return null;
			}
			ClassFile content = ClassFile.of(name, read(file));
			this.observed.put(file, Observed.of(attributes, content.sha256()));
			return content.sha256().equals(appliedHash) ? null : content;
		}
		catch (NoSuchFileException ex) {
			return null;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not read class file " + file, ex);
		}
	}

	/**
	 * Record that the running generation now has the given changes.
	 * @param changes the changes that were applied
	 */
	public synchronized void apply(ChangeSet changes) {
		changes.contents().forEach((name, file) -> this.applied.put(name, file.sha256()));
		changes.removed().forEach(this.applied::remove);
		if (this.dependencies != null) {
			this.dependencies.update(changes);
		}
	}

	/**
	 * Return the names of the changed classes and of every class that refers to one of
	 * them, directly or through others: all of them must be redefined together.
	 * @param changes the changes
	 * @return the affected class names, the changed ones included
	 */
	public synchronized Set<String> affectedBy(ChangeSet changes) {
		return affectedBy(changes, Set.of());
	}

	/**
	 * Return the names of the changed classes, of the given unchanged ones that must be
	 * defined again with them, and of every class that refers to one of those, directly
	 * or through others.
	 * @param changes the changes
	 * @param redefined unchanged classes to define again
	 * @return the affected class names, the changed and the given ones included
	 */
	public synchronized Set<String> affectedBy(ChangeSet changes, Set<String> redefined) {
		DependencyGraph graph = dependencies().with(changes);
		Set<String> start = new HashSet<>(changes.classNames());
		start.addAll(redefined);
		Set<String> affected = graph.dependentsClosure(start);
		// what a redefined class reaches with package access must share its generation
		Set<String> looked = new HashSet<>();
		while (true) {
			Set<String> more = new HashSet<>();
			for (String name : affected) {
				if (!looked.add(name) || changes.removed().contains(name)) {
					continue;
				}
				byte[] bytes = classFileOf(name, changes);
				if (bytes != null) {
					for (String target : PackageAccess.targets(bytes, (other) -> classFileOf(other, changes))) {
						if (!affected.contains(target)) {
							more.add(target);
						}
					}
				}
			}
			if (more.isEmpty()) {
				return affected;
			}
			more.addAll(affected);
			affected = graph.dependentsClosure(more);
		}
	}

	private byte @Nullable [] classFileOf(String className, ChangeSet changes) {
		ChangeSet.ClassFile changed = changes.contents().get(className);
		return (changed != null) ? changed.bytes() : currentClassFile(className);
	}

	/**
	 * Return the classes under the reload directories that refer to one of the given
	 * classes directly: those a compiler must compile again when the given ones change
	 * their signatures.
	 * @param classNames the classes
	 * @return the classes referring to them, without them
	 */
	public synchronized Set<String> directDependents(Set<String> classNames) {
		return dependencies().directDependents(classNames);
	}

	private DependencyGraph dependencies() {
		if (this.dependencies == null) {
			Map<String, byte[]> current = new HashMap<>();
			this.packaged.forEach((name, content) -> current.put(name, content.bytes()));
			this.directories.findClassFiles().forEach((name, file) -> {
				byte[] bytes = readOrNull(file);
				if (bytes != null) {
					current.put(name, bytes);
				}
			});
			this.dependencies = new DependencyGraph(current);
		}
		return this.dependencies;
	}

	/**
	 * Return the given classes that had a class file in a reload directory at start-up,
	 * and every such class they refer to, directly or transitively. Call it before
	 * {@link #takeInitialClassFiles()}.
	 * @param classNames the classes to start from
	 * @return the reachable classes with class files in a reload directory
	 */
	public Set<String> referenceClosure(Set<String> classNames) {
		Set<String> closure = new TreeSet<>();
		Deque<String> queue = new ArrayDeque<>(classNames);
		while (!queue.isEmpty()) {
			String name = queue.pop();
			byte[] bytes = this.initialClassFiles.get(name);
			if (bytes != null && closure.add(name)) {
				queue.addAll(ClassReferences.of(bytes));
			}
		}
		return closure;
	}

	/**
	 * Return whether any class file of the given changes is no longer what was read: a
	 * build wrote it again, or was still writing it, while a reload read it. A class file
	 * that was read incomplete (a writer had only begun it) is given the patience to be
	 * written.
	 * @param changes changes read from disk
	 * @param patience how long an incomplete class file read may take to change
	 * @return whether a class file of theirs differs now
	 */
	public boolean rewrittenSince(ChangeSet changes, Duration patience) {
		long deadline = System.nanoTime() + patience.toNanos();
		boolean incomplete = changes.contents().values().stream().anyMatch((file) -> !isWhole(file.bytes()));
		while (!differs(changes)) {
			if (!incomplete || System.nanoTime() >= deadline) {
				return false;
			}
			try {
				Thread.sleep(10);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
		return true;
	}

	private static boolean isWhole(byte[] bytes) {
		try {
			new ClassReader(bytes);
			return true;
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private boolean differs(ChangeSet changes) {
		for (ClassFile read : changes.contents().values()) {
			if (this.packaged.get(read.name()) == read) {
				continue;
			}
			byte[] now = currentClassFile(read.name());
			if (now == null || !sha256(now).equals(read.sha256())) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Return the class file a class under the reload directories has on disk now, or its
	 * packaged one.
	 * @param className the class name
	 * @return the bytes, or {@code null} for a class that has none
	 */
	public byte @Nullable [] currentClassFile(String className) {
		Path file = this.directories.classFile(className);
		byte[] bytes = (file != null) ? readOrNull(file) : null;
		if (bytes == null) {
			ClassFile packaged = this.packaged.get(className);
			return (packaged != null) ? packaged.bytes() : null;
		}
		return bytes;
	}

	static byte @Nullable [] readOrNull(Path file) {
		try {
			return read(file);
		}
		catch (NoSuchFileException ex) {
			return null;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not read class file " + file, ex);
		}
	}

	/**
	 * Read a class file, refusing one larger than any class file can be: a file of that
	 * name may be anything, and reading it whole could fill the heap.
	 * @param file the file
	 * @return its bytes
	 * @throws IOException if it cannot be read
	 * @throws IllegalStateException if it is too large
	 */
	static byte[] read(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			byte[] bytes = in.readNBytes(MAX_CLASS_FILE_SIZE + 1);
			if (bytes.length > MAX_CLASS_FILE_SIZE) {
				throw new IllegalStateException("Class file " + file + " is larger than " + (MAX_CLASS_FILE_SIZE >> 20)
						+ " MB, which no class file is; it was not read");
			}
			return bytes;
		}
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required of every JVM", ex);
		}
	}

	private record Observed(long size, FileTime modified, String sha256, boolean racy) {

		/**
		 * How close to its modification a file must be seen for its time not to tell a
		 * later rewrite apart: file systems keep times in coarse ticks (a few
		 * milliseconds on Linux, two seconds on FAT).
		 */
		private static final long RACY_MILLIS = 2000;

		static Observed of(BasicFileAttributes attributes, String sha256) {
			boolean racy = System.currentTimeMillis() - attributes.lastModifiedTime().toMillis() < RACY_MILLIS;
			return new Observed(attributes.size(), attributes.lastModifiedTime(), sha256, racy);
		}

	}

}
