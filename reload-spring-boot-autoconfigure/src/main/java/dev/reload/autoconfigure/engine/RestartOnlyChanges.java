package dev.reload.autoconfigure.engine;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import dev.reload.autoconfigure.change.ChangeSet;

/**
 * The changes that were refused because only a restart could apply them, while restarts
 * are off ({@code reload.restart=never}, or a launcher that cannot run the application
 * again). They stay on disk, and out of later reloads, so that they do not block later,
 * unrelated changes; until their files change again, or a reload is made of them alone,
 * which is refused again with the reason.
 *
 * @author reload-spring-boot
 */
final class RestartOnlyChanges {

	private static final String REMOVED = "removed";

	/** The content refused, by class name. */
	private final Map<String, String> refused = new ConcurrentHashMap<>();

	/**
	 * Remember that the given changes need a restart.
	 * @param changes the changes refused
	 */
	void refused(ChangeSet changes) {
		changes.contents().forEach((name, file) -> this.refused.put(name, file.sha256()));
		changes.removed().forEach((name) -> this.refused.put(name, REMOVED));
	}

	/**
	 * Forget the refusal of classes that were applied.
	 * @param changes the changes applied
	 */
	void applied(ChangeSet changes) {
		changes.classNames().forEach(this.refused::remove);
	}

	/**
	 * Return the classes of the given changes that were refused with this same content.
	 * @param changes the changes about to be applied
	 * @return the refused classes; empty if every change is new, or if every change was
	 * refused, so that a reload of them alone says why again
	 */
	Set<String> among(ChangeSet changes) {
		Set<String> kept = new TreeSet<>();
		changes.contents().forEach((name, file) -> {
			if (file.sha256().equals(this.refused.get(name))) {
				kept.add(name);
			}
		});
		changes.removed().forEach((name) -> {
			if (REMOVED.equals(this.refused.get(name))) {
				kept.add(name);
			}
		});
		return (kept.size() < changes.classNames().size()) ? kept : Set.of();
	}

}
