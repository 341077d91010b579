package dev.reload.autoconfigure.compile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.reload.autoconfigure.change.DirectoryWatcher;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Which source files are edited and not yet compiled, from what a
 * {@link DirectoryWatcher} of the source roots reports: a source is edited when it is
 * newer than its class file or has none (the test a build's stale-source check makes), or
 * when it was deleted while its class files are still there. A source that failed to
 * compile is not pending again until it changes.
 *
 * @author reload-spring-boot
 */
final class PendingSources implements DirectoryWatcher.Listener {

	private final SourceRoots roots;

	private final CopiedResources resources;

	private final Object monitor = new Object();

	private final Set<Path> edited = new TreeSet<>();

	private volatile boolean attention;

	private boolean unsettled;

	private Set<Path> rejected = Set.of();

	private @Nullable String rejectedFingerprint;

	private volatile @Nullable Runnable changePendingListener;

	PendingSources(SourceRoots roots, CopiedResources resources) {
		Assert.notNull(roots, "'roots' must not be null");
		Assert.notNull(resources, "'resources' must not be null");
		this.roots = roots;
		this.resources = resources;
	}

	/**
	 * Return whether a file counts: a Java source under a source root, or a resource
	 * copied on save.
	 */
	boolean counts(Path file) {
		return (file.getFileName().toString().endsWith(".java") && this.roots.rootOf(file) != null)
				|| this.resources.isCopied(file);
	}

	boolean needsAttention() {
		return this.attention;
	}

	/**
	 * Wait until the sources have settled, at most until the deadline.
	 * @return whether edited sources wait to be compiled
	 */
	boolean awaitSettled(long deadlineNanos) throws InterruptedException {
		synchronized (this.monitor) {
			while (this.unsettled) {
				long remaining = deadlineNanos - System.nanoTime();
				if (remaining <= 0) {
					return false;
				}
				TimeUnit.NANOSECONDS.timedWait(this.monitor, remaining);
			}
			return !this.edited.isEmpty() && !fingerprint(this.edited).equals(this.rejectedFingerprint);
		}
	}

	/**
	 * Return the edited sources, deleted ones included.
	 * @param retryRejected whether to return sources that failed to compile and have not
	 * changed since
	 */
	Set<Path> edited(boolean retryRejected) {
		synchronized (this.monitor) {
			if (!retryRejected && fingerprint(this.edited).equals(this.rejectedFingerprint)) {
				return Set.of();
			}
			return Set.copyOf(this.edited);
		}
	}

	/**
	 * Record that the given sources were compiled, or their deletion applied.
	 */
	void compiled(Set<Path> sources) {
		synchronized (this.monitor) {
			this.edited.removeAll(sources);
			this.rejected = Set.of();
			this.rejectedFingerprint = null;
			this.attention = this.unsettled || !this.edited.isEmpty();
		}
	}

	/**
	 * Record that the given sources failed to compile: not again until one changes.
	 */
	void rejected(Set<Path> sources) {
		synchronized (this.monitor) {
			this.rejected = Set.copyOf(sources);
			this.rejectedFingerprint = fingerprint(this.edited);
			this.attention = this.unsettled;
		}
	}

	/**
	 * Return the sources that failed to compile, until they compile.
	 */
	Set<Path> rejected() {
		synchronized (this.monitor) {
			return this.rejected;
		}
	}

	void onChangePending(@Nullable Runnable listener) {
		this.changePendingListener = listener;
	}

	@Override
	public void changing() {
		synchronized (this.monitor) {
			this.unsettled = true;
			this.attention = true;
		}
	}

	@Override
	public void settled(Set<Path> files, boolean all) {
		Set<Path> found = new HashSet<>();
		if (all) {
			found.addAll(staleSources());
		}
		for (Path file : files) {
			if (isEdited(file)) {
				found.add(file);
			}
		}
		boolean pending;
		synchronized (this.monitor) {
			// a source edited and then restored is still compiled: cheaper than telling
			this.edited.addAll(found);
			pending = !this.edited.isEmpty() && !fingerprint(this.edited).equals(this.rejectedFingerprint);
			this.unsettled = false;
			this.attention = pending;
			this.monitor.notifyAll();
		}
		Runnable listener = this.changePendingListener;
		if (listener != null && pending) {
			listener.run();
		}
	}

	private boolean isEdited(Path source) {
		if (this.resources.isCopied(source)) {
			return true;
		}
		if (this.roots.className(source) == null) {
			return false;
		}
		if (!Files.exists(source)) {
			return !this.roots.classFilesOf(source).isEmpty();
		}
		return isStale(source);
	}

	private boolean isStale(Path source) {
		String className = this.roots.className(source);
		Path classFile = (className != null) ? this.roots.classFile(className) : null;
		if (classFile == null) {
			return true;
		}
		try {
			return Files.getLastModifiedTime(source).compareTo(Files.getLastModifiedTime(classFile)) > 0;
		}
		catch (IOException ex) {
			return true;
		}
	}

	private Set<Path> staleSources() {
		Set<Path> stale = new HashSet<>();
		for (Path root : this.roots.roots()) {
			if (!Files.isDirectory(root)) {
				continue;
			}
			try (Stream<Path> files = Files.walk(root)) {
				files.filter((file) -> file.toString().endsWith(".java"))
					.filter((file) -> this.roots.className(file) != null && !file.endsWith("package-info.java"))
					.filter(this::isStale)
					.forEach(stale::add);
			}
			catch (IOException | UncheckedIOException ex) {
				// changing while walked: its events follow
			}
		}
		return stale;
	}

	private static String fingerprint(Set<Path> sources) {
		StringBuilder fingerprint = new StringBuilder();
		for (Path source : new TreeSet<>(sources)) {
			fingerprint.append(source).append(' ');
			try {
				FileTime modified = Files.getLastModifiedTime(source);
				fingerprint.append(modified.toMillis()).append(' ').append(Files.size(source));
			}
			catch (IOException ex) {
				fingerprint.append("gone");
			}
			fingerprint.append('\n');
		}
		return fingerprint.toString();
	}

	/**
	 * Return the source roots.
	 */
	List<Path> roots() {
		return this.roots.roots();
	}

	/**
	 * Return the directories watched: the source roots and the resource roots.
	 */
	List<Path> watched() {
		List<Path> watched = new ArrayList<>(this.roots.roots());
		watched.addAll(this.resources.roots());
		return watched;
	}

}
