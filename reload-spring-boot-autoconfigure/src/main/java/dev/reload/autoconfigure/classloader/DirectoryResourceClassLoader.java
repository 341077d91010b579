package dev.reload.autoconfigure.classloader;

import java.net.URL;
import java.util.Enumeration;

import org.jspecify.annotations.Nullable;

/**
 * A class loader that also serves resources from the reload directories the parent does
 * not have on its classpath, so that component scanning and {@link Class#getResource}
 * find them.
 *
 * @author reload-spring-boot
 */
abstract class DirectoryResourceClassLoader extends ClassLoader {

	static {
		registerAsParallelCapable();
	}

	private final ClassDirectories directories;

	DirectoryResourceClassLoader(String name, ClassLoader parent, ClassDirectories directories) {
		super(name, parent);
		this.directories = directories;
	}

	final ClassDirectories directories() {
		return this.directories;
	}

	@Override
	protected @Nullable URL findResource(String name) {
		return this.directories.findResource(name);
	}

	@Override
	protected Enumeration<URL> findResources(String name) {
		return this.directories.findResources(name);
	}

	@Override
	public String toString() {
		return getName();
	}

}
