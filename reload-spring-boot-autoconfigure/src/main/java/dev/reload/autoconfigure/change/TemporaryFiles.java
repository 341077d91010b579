package dev.reload.autoconfigure.change;

import java.nio.file.Path;
import java.util.List;

/**
 * The files editors write beside the one being edited (swap files, backups, the temporary
 * file of a safe write): never a resource of the application, so never copied and never a
 * reason to restart.
 *
 * @author reload-spring-boot
 */
public final class TemporaryFiles {

	/** Vim's swap files, IntelliJ's safe writes, backups and the starter's own copies. */
	private static final List<String> SUFFIXES = List.of("~", ".swp", ".swo", ".swx", ".tmp", ".bak", "___jb_tmp___",
			"___jb_old___", ".reload-tmp");

	private TemporaryFiles() {
	}

	/**
	 * Return whether a file is an editor's temporary file: hidden (a leading dot), Emacs'
	 * {@code #name#}, or with one of the suffixes editors use.
	 * @param file the file
	 * @return whether it is temporary
	 */
	public static boolean isTemporary(Path file) {
		Path fileName = file.getFileName();
		if (fileName == null) {
			return false;
		}
		String name = fileName.toString();
		return name.startsWith(".") || name.startsWith("#") || SUFFIXES.stream().anyMatch(name::endsWith);
	}

}
