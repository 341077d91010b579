package dev.reload.autoconfigure.modules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The file that gates reloads (Apache2::Reload's {@code ReloadTouchFile}): changes are
 * applied only after its modification time advances past the last reload. A non-empty
 * first line names further modules to reload, in the syntax of {@code reload.modules}. It
 * is read only by the background watcher and by reloads, never on a request.
 *
 * @author reload-spring-boot
 */
public final class TouchFile {

	private final Path path;

	private volatile @Nullable FileTime consumed;

	/**
	 * Create an instance; the file's current modification time counts as consumed.
	 * @param path the touch file
	 */
	public TouchFile(Path path) {
		Assert.notNull(path, "'path' must not be null");
		this.path = path.toAbsolutePath().normalize();
		this.consumed = modified();
	}

	/**
	 * Return the touch file.
	 * @return its absolute path
	 */
	public Path path() {
		return this.path;
	}

	/**
	 * Return why reloads are gated now, or {@code null} if the file was touched since the
	 * last reload.
	 * @return the reason, or {@code null}
	 */
	public @Nullable String closedReason() {
		FileTime modified = modified();
		if (modified == null) {
			return "touch file " + this.path + " does not exist: nothing is reloaded until it is created";
		}
		FileTime consumed = this.consumed;
		if (consumed != null && modified.compareTo(consumed) <= 0) {
			return "touch file " + this.path + " has not been touched since the last reload";
		}
		return null;
	}

	/**
	 * Record that a reload used the current touch.
	 */
	public void consume() {
		this.consumed = modified();
	}

	/**
	 * Return the patterns on the file's first line.
	 * @return the patterns, empty if the first line is empty
	 * @throws IllegalArgumentException if a pattern is malformed
	 */
	public List<ModulePattern> patterns() {
		String firstLine;
		try (var lines = Files.lines(this.path)) {
			firstLine = lines.findFirst().orElse("").trim();
		}
		catch (NoSuchFileException ex) {
			return List.of();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not read touch file " + this.path, ex);
		}
		List<ModulePattern> patterns = new ArrayList<>();
		for (String text : firstLine.split("[\\s,]+")) {
			if (!text.isEmpty()) {
				try {
					patterns.add(ModulePattern.parse(text));
				}
				catch (IllegalArgumentException ex) {
					throw new IllegalArgumentException("Touch file " + this.path + ": " + ex.getMessage(), ex);
				}
			}
		}
		return patterns;
	}

	private @Nullable FileTime modified() {
		try {
			return Files.getLastModifiedTime(this.path);
		}
		catch (IOException ex) {
			return null;
		}
	}

}
