package dev.reload.autoconfigure.classloader;

import org.springframework.core.SmartClassLoader;

/**
 * The class loader of the application context. It never defines a class itself: each
 * reloadable name goes to the generation that owns it when it is asked, anything else to
 * the parent. It also serves resources from reload directories that are not on the
 * parent's classpath, so that component scanning finds the classes there.
 *
 * @author reload-spring-boot
 */
public final class ReloadingClassLoader extends DirectoryResourceClassLoader implements SmartClassLoader {

	static {
		registerAsParallelCapable();
	}

	private final ClassGenerations generations;

	ReloadingClassLoader(ClassGenerations generations, ClassDirectories directories, ClassLoader parent) {
		super("reload-application", parent, directories);
		this.generations = generations;
	}

	@Override
	protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
		GenerationClassLoader owner = this.generations.ownerOf(name, null);
		return (owner != null) ? owner.loadClass(name) : getParent().loadClass(name);
	}

	@Override
	public boolean isClassReloadable(Class<?> clazz) {
		return clazz.getClassLoader() instanceof GenerationClassLoader;
	}

}
