package dev.reload.autoconfigure.modules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Which classes are registered for reloading: the patterns of {@code reload.modules}, the
 * classes annotated with {@code @Reloadable}, and the patterns registered or unregistered
 * through the {@code Reloader}. An unregistration lasts until the same pattern is
 * registered again, whatever the settings say.
 *
 * @author reload-spring-boot
 */
public final class ModuleRegistrations {

	private final boolean all;

	private final List<ModulePattern> configured;

	private final Supplier<Set<String>> annotatedClasses;

	private final Set<ModulePattern> registered = new LinkedHashSet<>();

	private final Set<ModulePattern> unregistered = new LinkedHashSet<>();

	/**
	 * Create an instance.
	 * @param all whether every class is reloaded unless unregistered ({@code reload.all})
	 * @param configured the patterns of {@code reload.modules}
	 * @param annotatedClasses the classes that carry {@code @Reloadable}, computed when
	 * first needed
	 */
	public ModuleRegistrations(boolean all, List<ModulePattern> configured, Supplier<Set<String>> annotatedClasses) {
		Assert.notNull(configured, "'configured' must not be null");
		Assert.notNull(annotatedClasses, "'annotatedClasses' must not be null");
		this.all = all;
		this.configured = List.copyOf(configured);
		this.annotatedClasses = annotatedClasses;
	}

	/**
	 * Register a pattern, undoing an unregistration of the same pattern.
	 * @param pattern the pattern
	 */
	public synchronized void register(ModulePattern pattern) {
		this.unregistered.remove(pattern);
		this.registered.add(pattern);
	}

	/**
	 * Unregister a pattern until it is registered again.
	 * @param pattern the pattern
	 */
	public synchronized void unregister(ModulePattern pattern) {
		this.registered.remove(pattern);
		this.unregistered.add(pattern);
	}

	/**
	 * Return why a changed class is not reloaded, or {@code null} if it is.
	 * @param className the class name
	 * @param annotatedNow whether the new version of the class carries
	 * {@code @Reloadable}
	 * @param extra further patterns for this reload, such as the touch file's
	 * @return the reason it is skipped, or {@code null}
	 */
	public synchronized @Nullable String skipReason(String className, boolean annotatedNow,
			Collection<ModulePattern> extra) {
		ModulePattern unregistration = firstMatch(this.unregistered, className);
		if (unregistration != null) {
			return "unregistered through Reloader.unregisterModule(\"" + unregistration + "\")";
		}
		if (this.all || annotatedNow || firstMatch(this.configured, className) != null
				|| firstMatch(this.registered, className) != null || firstMatch(extra, className) != null
				|| isAnnotated(className)) {
			return null;
		}
		return "not registered: reload.all is false and no reload.modules pattern, @Reloadable, "
				+ "touch-file line or Reloader.registerModule names it";
	}

	private boolean isAnnotated(String className) {
		for (String annotated : this.annotatedClasses.get()) {
			if (className.equals(annotated) || className.startsWith(annotated + "$")) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Return the effective registrations, for the status.
	 * @return the registrations
	 */
	public synchronized Snapshot snapshot() {
		return new Snapshot(this.all, texts(this.configured),
				new ArrayList<>(new TreeSet<>(this.annotatedClasses.get())), texts(this.registered),
				texts(this.unregistered));
	}

	private static List<String> texts(Collection<ModulePattern> patterns) {
		return patterns.stream().map(ModulePattern::text).toList();
	}

	private static @Nullable ModulePattern firstMatch(Collection<ModulePattern> patterns, String className) {
		for (ModulePattern pattern : patterns) {
			if (pattern.matches(className)) {
				return pattern;
			}
		}
		return null;
	}

	/**
	 * The effective registrations.
	 *
	 * @param all whether every class is reloaded unless unregistered
	 * @param modules the patterns of {@code reload.modules}
	 * @param annotated the classes annotated with {@code @Reloadable}
	 * @param registered the patterns registered through the {@code Reloader}
	 * @param unregistered the patterns unregistered through the {@code Reloader}
	 */
	public record Snapshot(boolean all, List<String> modules, List<String> annotated, List<String> registered,
			List<String> unregistered) {

	}

}
