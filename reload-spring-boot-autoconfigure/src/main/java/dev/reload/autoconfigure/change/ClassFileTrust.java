package dev.reload.autoconfigure.change;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.reload.autoconfigure.classloader.ClassDirectories;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Decides whether changed class files may be loaded: code is loaded only from the reload
 * directories, so a class file reached through a symbolic link that leaves its directory
 * is refused, and, when strict, so is a class file that other users may write, or one in
 * a directory they may write: anyone who can write there can run code in the server.
 *
 * @author reload-spring-boot
 */
public final class ClassFileTrust {

	private final ClassDirectories directories;

	private final boolean strictPermissions;

	/**
	 * Create an instance.
	 * @param directories the reload directories
	 * @param strictPermissions whether to refuse files and directories other users may
	 * write
	 */
	public ClassFileTrust(ClassDirectories directories, boolean strictPermissions) {
		Assert.notNull(directories, "'directories' must not be null");
		this.directories = directories;
		this.strictPermissions = strictPermissions;
	}

	/**
	 * Check every added or modified class file of a change set.
	 * @param changes the changes
	 * @throws UntrustedClassFileException naming each refused path and the fix
	 */
	public void check(ChangeSet changes) {
		List<String> problems = new ArrayList<>();
		for (String name : changes.contents().keySet()) {
			if (ClassDirectories.isPlatformClass(name)) {
				problems.add("Refusing to load " + name + ": it would replace a class of the JDK or of Spring "
						+ "Framework, which are never loaded from a reload directory");
				continue;
			}
			Path file = this.directories.classFile(name);
			Path root = (file != null) ? this.directories.rootOf(file) : null;
			if (file != null && root != null) {
				String problem = problem(name, file, root);
				if (problem != null) {
					problems.add(problem);
				}
			}
		}
		if (!problems.isEmpty()) {
			throw new UntrustedClassFileException(String.join("; ", problems));
		}
	}

	private @Nullable String problem(String className, Path file, Path root) {
		try {
			Path realRoot = root.toRealPath();
			Path realFile = file.toRealPath();
			if (!realFile.startsWith(realRoot)) {
				return "Refusing to load " + className + ": its class file " + file
						+ " is a symbolic link that leaves the reload directory " + root + " (it resolves to "
						+ realFile + "); copy the class file into the directory instead";
			}
			if (this.strictPermissions) {
				for (Path path = realFile; path != null && path.startsWith(realRoot); path = path.getParent()) {
					if (isWritableByOthers(path)) {
						return "Refusing to load " + className + ": " + path
								+ " is writable by other users, who could run code in this server; remove their "
								+ "write access (chmod go-w " + path + ") or set reload.strict-permissions=false";
					}
				}
			}
			return null;
		}
		catch (IOException ex) {
			return "Refusing to load " + className + ": could not check " + file + " (" + ex.getMessage() + ")";
		}
	}

	private static boolean isWritableByOthers(Path path) throws IOException {
		// the file system's views, not Files.getFileStore: that reads the mount table
		if (!path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
			return false;
		}
		PosixFileAttributes attributes = Files.readAttributes(path, PosixFileAttributes.class,
				LinkOption.NOFOLLOW_LINKS);
		Set<PosixFilePermission> permissions = attributes.permissions();
		if (permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
			return true;
		}
		// a group named after the owner is the owner's private group (umask 002 systems)
		return permissions.contains(PosixFilePermission.GROUP_WRITE)
				&& !attributes.group().getName().equals(attributes.owner().getName());
	}

}
