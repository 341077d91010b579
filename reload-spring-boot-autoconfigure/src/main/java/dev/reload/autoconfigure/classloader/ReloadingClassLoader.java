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

	/**
	 * Return where Spring's auto-proxy creator makes a proxy of a bean it did not load:
	 * while a reload builds its beans on this thread, the staged generation, so that the
	 * proxy of a rebuilt bean of a new interface (a Spring Data repository with
	 * {@code @Cacheable} methods) resolves that interface to itself, and lives with it;
	 * otherwise this loader.
	 */
	@Override
	public ClassLoader getOriginalClassLoader() {
		GenerationClassLoader staged = this.generations.stagedOnThisThread();
		return (staged != null) ? staged : this;
	}

	@Override
	public boolean isClassReloadable(Class<?> clazz) {
		return clazz.getClassLoader() instanceof GenerationClassLoader;
	}

}
