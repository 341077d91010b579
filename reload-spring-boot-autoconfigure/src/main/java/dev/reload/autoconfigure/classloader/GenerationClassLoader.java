package dev.reload.autoconfigure.classloader;

import java.nio.file.Path;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.security.cert.Certificate;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * One generation of reloadable classes. Generation 0 defines every reloadable class, on
 * first use, from the class file read at start-up, so a file changed later is never
 * picked up without a reload; each later generation defines exactly the classes a reload
 * changed plus the classes that depend on them, from bytes read when the reload started.
 * Any other reloadable name is resolved through the generation that owns it now, so
 * unchanged classes keep their identity; other names go to the parent.
 *
 * @author reload-spring-boot
 */
public final class GenerationClassLoader extends DirectoryResourceClassLoader {

	static {
		registerAsParallelCapable();
	}

	private final long generation;

	private final ClassGenerations generations;

	private final Map<String, byte[]> definitions;

	private final Map<Path, ProtectionDomain> protectionDomains = new ConcurrentHashMap<>();

	GenerationClassLoader(long generation, ClassGenerations generations, ClassDirectories directories,
			Map<String, byte[]> definitions, ClassLoader parent) {
		super("reload-generation-" + generation, parent, directories);
		this.generation = generation;
		this.generations = generations;
		this.definitions = Map.copyOf(definitions);
	}

	/**
	 * Return this loader's generation number.
	 * @return the generation, 0 for the one created at start-up
	 */
	public long generation() {
		return this.generation;
	}

	/**
	 * Return whether this loader is one of the given generations, rather than of those of
	 * an application that an in-process restart replaced.
	 * @param generations the generations
	 * @return whether it belongs to them
	 */
	public boolean belongsTo(ClassGenerations generations) {
		return this.generations == generations;
	}

	/**
	 * Return the names of the classes this generation defines.
	 * @return the class names
	 */
	public Set<String> definedClassNames() {
		return this.definitions.keySet();
	}

	byte @Nullable [] classFile(String name) {
		return this.definitions.get(name);
	}

	boolean defines(String name) {
		return this.definitions.containsKey(name);
	}

	@Override
	protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
		synchronized (getClassLoadingLock(name)) {
			Class<?> loaded = findLoadedClass(name);
			if (loaded != null) {
				return loaded;
			}
			GenerationClassLoader owner = this.generations.ownerOf(name, this);
			if (owner == this) {
				return define(name);
			}
			if (owner != null) {
				return owner.loadClass(name);
			}
			return getParent().loadClass(name);
		}
	}

	private Class<?> define(String name) throws ClassNotFoundException {
		byte[] bytes = this.definitions.get(name);
		if (bytes == null) {
			throw new ClassNotFoundException(name);
		}
		Path file = directories().classFile(name);
		definePackageFor(name);
		try {
			return defineClass(name, bytes, 0, bytes.length,
					protectionDomain((file != null) ? directories().rootOf(file) : null));
		}
		catch (ClassFormatError ex) {
			throw new ClassNotFoundException("The class file of " + name + ((file != null) ? " (" + file + ")" : "")
					+ " is not a valid class file: " + ex.getMessage(), ex);
		}
	}

	private void definePackageFor(String className) {
		int lastDot = className.lastIndexOf('.');
		if (lastDot < 0) {
			return;
		}
		String packageName = className.substring(0, lastDot);
		if (getDefinedPackage(packageName) == null) {
			try {
				definePackage(packageName, null, null, null, null, null, null, null);
			}
			catch (IllegalArgumentException ex) {
				// defined concurrently by another thread: fine
			}
		}
	}

	private @Nullable ProtectionDomain protectionDomain(@Nullable Path root) {
		if (root == null) {
			return null;
		}
		return this.protectionDomains.computeIfAbsent(root,
				(key) -> new ProtectionDomain(new CodeSource(ClassDirectories.toUrl(key), (Certificate[]) null), null,
						this, null));
	}

}
