package dev.reload.autoconfigure.scope;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import dev.reload.autoconfigure.classloader.ClassGenerations;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * What the application's reloadable beans are: the beans in the reload scope with the
 * class each is built from, and the reloadable classes that declare beans themselves
 * (configuration classes), whose change a {@link ConfigurationRebuild} plans.
 *
 * @author reload-spring-boot
 */
public final class ReloadableBeans {

	private final ClassGenerations generations;

	private final Map<String, String> beanClassNames = new ConcurrentHashMap<>();

	private final Set<String> configurationClassNames = ConcurrentHashMap.newKeySet();

	/** Classes whose beans a framework holds on to, with what each is. */
	private final Map<String, String> heldClassNames = new ConcurrentHashMap<>();

	/** Beans that are Spring Data repositories, with their interface. */
	private final Map<String, String> repositories = new ConcurrentHashMap<>();

	private final AtomicLong version = new AtomicLong();

	/** What the last rebuild changed, and between which versions. */
	private volatile @Nullable Rebuild lastRebuild;

	/**
	 * Create an instance.
	 * @param generations the class generations
	 */
	public ReloadableBeans(ClassGenerations generations) {
		Assert.notNull(generations, "'generations' must not be null");
		this.generations = generations;
	}

	/**
	 * Return whether the named bean is in the reload scope.
	 * @param beanName the bean name
	 * @return whether it is reloadable
	 */
	public boolean isReloadableBean(String beanName) {
		return this.beanClassNames.containsKey(beanName);
	}

	/**
	 * Return the names of the reloadable beans built from any of the given classes.
	 * @param classNames class names
	 * @return the bean names, sorted
	 */
	public Set<String> beansOf(Set<String> classNames) {
		Set<String> names = new TreeSet<>();
		this.beanClassNames.forEach((bean, className) -> {
			if (classNames.contains(className)) {
				names.add(bean);
			}
		});
		return names;
	}

	/**
	 * Return the class a reloadable bean is built from.
	 * @param beanName the bean name
	 * @return the class name
	 */
	public String classNameOf(String beanName) {
		String className = this.beanClassNames.get(beanName);
		Assert.state(className != null, () -> "Bean '" + beanName + "' is not reloadable");
		return className;
	}

	/**
	 * Return the names of every reloadable bean.
	 * @return the bean names, sorted
	 */
	public Set<String> beanNames() {
		return new TreeSet<>(this.beanClassNames.keySet());
	}

	/**
	 * Return which of the given classes cannot be reloaded without a restart: the main
	 * application class and what it refers to.
	 * @param classNames the classes a reload would redefine
	 * @return the classes that need a restart, sorted
	 */
	public Set<String> needingRestart(Set<String> classNames) {
		Set<String> restart = new TreeSet<>();
		for (String name : classNames) {
			if (this.generations.isPinned(name)) {
				restart.add(name);
			}
		}
		return restart;
	}

	/**
	 * Return which of the given classes have beans a framework holds on to from start-up,
	 * which a rebuild cannot reach: the custom implementations of Spring Data
	 * repositories, and the repositories that have them.
	 * @param classNames the classes a reload would redefine
	 * @return what each held class is, by class name
	 */
	public Map<String, String> heldAmong(Set<String> classNames) {
		Map<String, String> held = new TreeMap<>();
		for (String name : classNames) {
			String kind = this.heldClassNames.get(name);
			if (kind != null) {
				held.put(name, kind);
			}
		}
		return held;
	}

	/**
	 * Return whether the given interface is that of a Spring Data repository bean that a
	 * reload rebuilds in place.
	 * @param className the interface's name
	 * @return whether its repository is rebuilt
	 */
	public boolean isRebuiltRepository(String className) {
		return this.repositories.containsValue(className) && !this.heldClassNames.containsKey(className);
	}

	/**
	 * Return the interfaces of the Spring Data repository beans that a reload rebuilds in
	 * place.
	 * @return the interface names
	 */
	public Set<String> rebuiltRepositoryInterfaces() {
		Set<String> interfaces = new TreeSet<>(this.repositories.values());
		interfaces.removeIf(this.heldClassNames::containsKey);
		return interfaces;
	}

	void registerRepository(String beanName, String interfaceName) {
		this.repositories.put(beanName, interfaceName);
		registerBean(beanName, interfaceName);
	}

	boolean hasRepositories() {
		return !this.repositories.isEmpty();
	}

	boolean isRepository(String beanName) {
		return this.repositories.containsKey(beanName);
	}

	void registerHeldClass(String className, String kind) {
		this.heldClassNames.put(className, kind);
	}

	void registerBean(String beanName, String className) {
		this.beanClassNames.put(beanName, className);
		this.version.incrementAndGet();
	}

	/**
	 * Register and unregister the beans of one rebuild, and record what it changed, so
	 * that what is derived from the beans keeps what the rebuild cannot have changed.
	 * @param registered the rebuilt and added beans, with the class each is built from
	 * @param unregistered the removed beans
	 * @param changed what the rebuild changed
	 */
	synchronized void rebuilt(Map<String, String> registered, Set<String> unregistered, ChangedTypes changed) {
		long from = this.version.get();
		this.beanClassNames.putAll(registered);
		unregistered.forEach(this.beanClassNames::remove);
		this.lastRebuild = new Rebuild(from, this.version.incrementAndGet(), changed);
	}

	/**
	 * Return a number that changes whenever a reloadable bean is registered or
	 * unregistered, as a reload does, so that what is derived from them can be cached.
	 * @return the version
	 */
	long version() {
		return this.version.get();
	}

	/**
	 * Return what changed from the given version to the current one, if one rebuild did
	 * it all.
	 * @param since the version a cache was derived at
	 * @param current the current version, as {@link #version()} returned it
	 * @return what changed, or {@code null} if it is not known
	 */
	@Nullable ChangedTypes changedBetween(long since, long current) {
		Rebuild rebuild = this.lastRebuild;
		return (rebuild != null && rebuild.from() == since && rebuild.to() == current) ? rebuild.changed() : null;
	}

	private record Rebuild(long from, long to, ChangedTypes changed) {

	}

	void registerConfigurationClass(String className) {
		this.configurationClassNames.add(className);
	}

	/**
	 * Return those of the given classes that are configuration classes whose beans are
	 * known: a change of one is applied in place, or refused, by a
	 * {@link ConfigurationRebuild}.
	 * @param classNames the classes a reload would redefine
	 * @return the configuration classes, sorted
	 */
	public Set<String> configurationClassesAmong(Set<String> classNames) {
		Set<String> found = new TreeSet<>(classNames);
		found.retainAll(this.configurationClassNames);
		return found;
	}

	boolean isConfigurationClass(String className) {
		return this.configurationClassNames.contains(className);
	}

	boolean isReloadableClass(String className) {
		return this.generations.isReloadable(className);
	}

}
