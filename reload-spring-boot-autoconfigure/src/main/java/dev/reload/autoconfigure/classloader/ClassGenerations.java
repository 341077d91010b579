package dev.reload.autoconfigure.classloader;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Which generation owns each reloadable class name. Generation 0 owns every reloadable
 * name until a reload commits a generation that redefines it; a staged generation is
 * private to the reload that builds it until it is committed.
 *
 * @author reload-spring-boot
 */
public final class ClassGenerations {

	private final ClassDirectories directories;

	private final Map<String, byte[]> initial;

	private final ClassLoader parent;

	private final Predicate<String> pinned;

	private final GenerationClassLoader initialGeneration;

	private final ReloadingClassLoader applicationClassLoader;

	private volatile Map<String, GenerationClassLoader> owners = Map.of();

	private volatile Set<String> removed = Set.of();

	private volatile long generation;

	private final ThreadLocal<GenerationClassLoader> staging = new ThreadLocal<>();

	/**
	 * Create the generations for the given directories.
	 * @param directories the reload directories
	 * @param initial the class files as they were at start-up, by class name: generation
	 * 0 defines exactly these, whenever a class is first used, so a file changed later is
	 * never picked up without a reload
	 * @param parent the class loader of everything that is not reloadable
	 * @param pinned the classes that stay with the parent even though their class file is
	 * in a reload directory, such as the main application class and what it refers to:
	 * the parent has loaded them already
	 */
	public ClassGenerations(ClassDirectories directories, Map<String, byte[]> initial, ClassLoader parent,
			Predicate<String> pinned) {
		Assert.notNull(directories, "'directories' must not be null");
		Assert.notNull(initial, "'initial' must not be null");
		Assert.notNull(parent, "'parent' must not be null");
		Assert.notNull(pinned, "'pinned' must not be null");
		this.directories = directories;
		this.initial = Map.copyOf(initial);
		this.parent = parent;
		this.pinned = pinned;
		this.initialGeneration = new GenerationClassLoader(0, this, directories, this.initial, parent);
		this.applicationClassLoader = new ReloadingClassLoader(this, directories, parent);
	}

	/**
	 * Return the class loader for the application context: stable for the life of the
	 * application, it hands out each reloadable class from the generation that owns it.
	 * @return the application class loader
	 */
	public ReloadingClassLoader applicationClassLoader() {
		return this.applicationClassLoader;
	}

	/**
	 * Return the reload directories.
	 * @return the directories
	 */
	public ClassDirectories directories() {
		return this.directories;
	}

	/**
	 * Return the number of the last committed generation.
	 * @return the generation, 0 until the first reload
	 */
	public long generation() {
		return this.generation;
	}

	/**
	 * Return whether the class with the given name is loaded from a generation.
	 * @param className the class name
	 * @return whether the class is reloadable
	 */
	public boolean isReloadable(String className) {
		return !this.pinned.test(className) && (this.owners.containsKey(className)
				|| (!this.removed.contains(className) && this.initial.containsKey(className)));
	}

	/**
	 * Return the names of every reloadable class the running code has.
	 * @return the class names
	 */
	public Set<String> classNames() {
		Set<String> names = new HashSet<>(this.initial.keySet());
		names.addAll(this.owners.keySet());
		names.removeAll(this.removed);
		names.removeIf(this.pinned);
		return names;
	}

	/**
	 * Return whether the class stays with the parent loader although its class file is in
	 * a reload directory: a change to it needs a restart.
	 * @param className the class name
	 * @return whether the class is pinned
	 */
	public boolean isPinned(String className) {
		return this.pinned.test(className);
	}

	/**
	 * Return the generation that a class with the given name belongs to now.
	 * @param className the class name
	 * @return the generation number, or -1 if the class is not reloadable
	 */
	public long generationOf(String className) {
		GenerationClassLoader owner = ownerOf(className, null);
		return (owner != null) ? owner.generation() : -1;
	}

	/**
	 * Return the class file that the running code of a class was defined from.
	 * @param className the class name
	 * @return the class file's bytes, or {@code null} if the class is not reloadable
	 */
	public byte @Nullable [] appliedClassFile(String className) {
		GenerationClassLoader owner = ownerOf(className, null);
		return (owner != null) ? owner.classFile(className) : null;
	}

	/**
	 * Create the next generation, defining the given classes, without making it visible
	 * to anything but the classes it defines. Classes it does not define resolve to the
	 * generation that owns them now.
	 * @param classes the class files to define, by class name
	 * @return the staged generation
	 */
	public GenerationClassLoader stage(Map<String, byte[]> classes) {
		return new GenerationClassLoader(this.generation + 1, this, this.directories, classes, this.parent);
	}

	/**
	 * Run the given action with the staged generation visible to the current thread
	 * through the application class loader, as it will be to every thread once committed:
	 * beans and their proxies are built this way.
	 * @param <T> the action's result type
	 * @param staged the staged generation
	 * @param action what to run
	 * @return the action's result
	 */
	public <T> T withStaged(GenerationClassLoader staged, Supplier<T> action) {
		Assert.state(this.staging.get() == null, "A generation is already being staged on this thread");
		this.staging.set(staged);
		try {
			return action.get();
		}
		finally {
			this.staging.remove();
		}
	}

	/**
	 * Return the generation {@link #withStaged} makes visible to the current thread.
	 * @return the staged generation, or {@code null} outside a reload's staging
	 */
	@Nullable GenerationClassLoader stagedOnThisThread() {
		return this.staging.get();
	}

	/**
	 * Make a staged generation the owner of the classes it defines, and forget removed
	 * classes.
	 * @param staged the staged generation
	 * @param removedClasses the classes whose class files are gone
	 * @return what undoes the commit, while no later one was made
	 */
	public synchronized Runnable commit(GenerationClassLoader staged, Set<String> removedClasses) {
		Assert.state(staged.generation() == this.generation + 1, "Only the next generation can be committed");
		Map<String, GenerationClassLoader> previousOwners = this.owners;
		Set<String> previousRemoved = this.removed;
		long previousGeneration = this.generation;
		Map<String, GenerationClassLoader> newOwners = new HashMap<>(this.owners);
		Set<String> newRemoved = new HashSet<>(this.removed);
		for (String name : staged.definedClassNames()) {
			newOwners.put(name, staged);
			newRemoved.remove(name);
		}
		for (String name : removedClasses) {
			newOwners.remove(name);
			newRemoved.add(name);
		}
		this.owners = Map.copyOf(newOwners);
		this.removed = Set.copyOf(newRemoved);
		this.generation = staged.generation();
		return () -> {
			synchronized (this) {
				Assert.state(this.generation == staged.generation(), "Only the last commit can be undone");
				this.owners = previousOwners;
				this.removed = previousRemoved;
				this.generation = previousGeneration;
			}
		};
	}

	/**
	 * Let go of every generation after the first, once the application they served has
	 * been closed for a restart. The thread that first launched the application still
	 * holds these generations on its stack, where it waits for the JVM to end; after
	 * this, only generation 0 is reached from there. A class loaded afterwards comes from
	 * generation 0.
	 */
	public synchronized void retire() {
		this.owners = Map.of();
		this.removed = Set.of();
	}

	/**
	 * Return the generation that should define or hand out the given class for a
	 * requesting generation.
	 * @param className the class name
	 * @param requester the generation asking, or {@code null} for the application class
	 * loader
	 * @return the owning generation, or {@code null} if the parent should load the class
	 */
	@Nullable GenerationClassLoader ownerOf(String className, @Nullable GenerationClassLoader requester) {
		if (requester != null && requester.defines(className)) {
			return requester;
		}
		if (isExcluded(className) || this.pinned.test(className)) {
			return null;
		}
		GenerationClassLoader staged = (requester == null) ? this.staging.get() : null;
		if (staged != null && staged.defines(className)) {
			return staged;
		}
		GenerationClassLoader owner = this.owners.get(className);
		if (owner != null) {
			return owner;
		}
		if (this.removed.contains(className) || !this.initial.containsKey(className)) {
			// a class generated at runtime for a reloadable class, such as a CGLIB proxy
			// (Foo$$SpringCGLIB$$0), lives in the generation of that class
			int generated = className.indexOf("$$");
			return (generated > 0) ? ownerOf(className.substring(0, generated), requester) : null;
		}
		return this.initialGeneration;
	}

	private static boolean isExcluded(String className) {
		// never from a reload directory; skips a lookup per JDK and Spring class
		return ClassDirectories.isPlatformClass(className);
	}

}
