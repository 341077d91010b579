package dev.reload.autoconfigure.modules;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.reload.autoconfigure.change.ChangeSet;
import dev.reload.autoconfigure.change.SourceFiles;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Decides which of the changes on disk a reload applies: none while the touch file gates
 * reloads, and otherwise the changes of registered classes, except the removal of a class
 * whose source file is still there, which a build is rewriting. The pending changes use
 * it to tell requests whether there is anything to do; the engine to decide what to do.
 *
 * @author reload-spring-boot
 */
public final class ChangeSelection {

	private final ModuleRegistrations registrations;

	private final AnnotatedClasses annotatedClasses;

	private final @Nullable TouchFile touchFile;

	private final SourceFiles sources;

	/**
	 * Create an instance.
	 * @param registrations the registered modules
	 * @param annotatedClasses the classes annotated with {@code @Reloadable}
	 * @param touchFile the touch file, or {@code null} if reloads are not gated
	 * @param sources the source files of the reloadable classes
	 */
	public ChangeSelection(ModuleRegistrations registrations, AnnotatedClasses annotatedClasses,
			@Nullable TouchFile touchFile, SourceFiles sources) {
		Assert.notNull(registrations, "'registrations' must not be null");
		Assert.notNull(annotatedClasses, "'annotatedClasses' must not be null");
		Assert.notNull(sources, "'sources' must not be null");
		this.registrations = registrations;
		this.annotatedClasses = annotatedClasses;
		this.touchFile = touchFile;
		this.sources = sources;
	}

	/**
	 * Select the changes to apply.
	 * @param changes the changes on disk
	 * @return the selection
	 */
	public Selection select(ChangeSet changes) {
		if (changes.isEmpty()) {
			return new Selection(changes, Map.of(), null, false);
		}
		String closed = (this.touchFile != null) ? this.touchFile.closedReason() : null;
		if (closed != null) {
			return new Selection(ChangeSet.NONE, Map.of(), closed, false);
		}
		List<ModulePattern> touched = (this.touchFile != null) ? this.touchFile.patterns() : List.of();
		Map<String, String> skipped = new TreeMap<>();
		boolean rebuilding = false;
		for (String name : changes.classNames()) {
			ChangeSet.ClassFile file = changes.contents().get(name);
			boolean annotatedNow = file != null && AnnotatedClasses.isAnnotated(file.bytes());
			String reason = this.registrations.skipReason(name, annotatedNow, touched);
			if (reason == null && changes.removed().contains(name)) {
				reason = rebuildingReason(name);
				rebuilding = rebuilding || reason != null;
			}
			if (reason != null) {
				skipped.put(name, reason);
			}
		}
		return new Selection(changes.without(skipped.keySet()), skipped, null, rebuilding);
	}

	private @Nullable String rebuildingReason(String removedClass) {
		// Maven's compiler deletes every class file of a module before javac writes them
		// again, seconds later; an IDE or Gradle writes in bursts
		Path source = this.sources.sourceOf(removedClass);
		return (source != null) ? "its class file is gone but " + source
				+ " is not: a build is rewriting it; its removal waits until the source is gone too" : null;
	}

	/**
	 * Record that a reload went through the touch file's gate: the file must be touched
	 * again for the next one.
	 */
	public void gatePassed() {
		if (this.touchFile != null) {
			this.touchFile.consume();
		}
	}

	/**
	 * Record that a reload applied the given changes, to keep the {@code @Reloadable}
	 * classes current.
	 * @param applied the applied changes
	 */
	public void applied(ChangeSet applied) {
		this.annotatedClasses.update(applied);
	}

	/**
	 * Return the touch file's path.
	 * @return the path, or {@code null} if reloads are not gated
	 */
	public @Nullable Path touchFile() {
		return (this.touchFile != null) ? this.touchFile.path() : null;
	}

	/**
	 * Return the registered modules.
	 * @return the registrations
	 */
	public ModuleRegistrations registrations() {
		return this.registrations;
	}

	/**
	 * The changes a reload should apply.
	 *
	 * @param changes the changes to apply
	 * @param skipped the changed classes not applied, with the reason
	 * @param closedReason why no change is applied at all, or {@code null}
	 * @param rebuilding whether a build is rewriting the class files: some are gone whose
	 * sources are not
	 */
	public record Selection(ChangeSet changes, Map<String, String> skipped, @Nullable String closedReason,
			boolean rebuilding) {

		public Selection {
			skipped = Map.copyOf(skipped);
		}

	}

}
