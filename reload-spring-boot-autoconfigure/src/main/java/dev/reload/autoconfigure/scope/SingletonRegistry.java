package dev.reload.autoconfigure.scope;

import java.lang.reflect.Field;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.Lock;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.util.Assert;

/**
 * Replaces the instance of a singleton, and its definition, in the bean factory, without
 * destroying it or the beans that depend on it. Reloadable beans stay ordinary
 * singletons, so everything that asks the bean factory (the lifecycle processor,
 * destruction order, {@code isSingleton}) sees what Spring made; only a reload replaces
 * one.
 * <p>
 * Spring replaces a definition through {@code removeBeanDefinition} and
 * {@code registerBeanDefinition}, which keep its own bookkeeping right (merged
 * definitions, injection metadata, primary beans, type caches), but destroy the singleton
 * and, first, every bean that depends on it. No public API detaches a singleton's
 * destruction callback and dependents, so those two are taken out of the registry's maps
 * for the replacement and put back for the new instance; the registry's singleton lock is
 * held throughout, so that no other thread creates the bean from its new definition in
 * between.
 *
 * @author reload-spring-boot
 */
final class SingletonRegistry {

	private static final Field DISPOSABLE_BEANS = SpringInternals.field(DefaultSingletonBeanRegistry.class,
			"disposableBeans", Map.class, "to keep a replaced singleton's destruction for when its requests are done");

	private static final Field DEPENDENT_BEAN_MAP = SpringInternals.field(DefaultSingletonBeanRegistry.class,
			"dependentBeanMap", Map.class, "to keep the beans that depend on a replaced singleton alive");

	private static final Field SINGLETON_LOCK = SpringInternals.field(DefaultSingletonBeanRegistry.class,
			"singletonLock", Lock.class, "to replace a singleton's instance atomically");

	private final DefaultListableBeanFactory beanFactory;

	SingletonRegistry(DefaultListableBeanFactory beanFactory) {
		Assert.notNull(beanFactory, "'beanFactory' must not be null");
		this.beanFactory = beanFactory;
	}

	/**
	 * Run the given replacements so that no other thread sees a bean missing in between.
	 * @param replacements what to replace
	 */
	void atomically(Runnable replacements) {
		Lock lock = SpringInternals.get(SINGLETON_LOCK, this.beanFactory);
		lock.lock();
		try {
			replacements.run();
		}
		finally {
			lock.unlock();
		}
	}

	/**
	 * Replace a bean's definition and, if it was created, its instance.
	 * @param beanName the bean name
	 * @param definition the new definition
	 * @param instance the new instance, or {@code null} if the bean is not created (a
	 * lazy bean not used yet), or to leave it to be created from the new definition
	 * @param destruction what destroys the new instance, if anything
	 * @param dependencies the beans the new instance depends on
	 * @return what destroys the replaced instance, if anything
	 */
	@Nullable DisposableBean replace(String beanName, BeanDefinition definition, @Nullable Object instance,
			@Nullable DisposableBean destruction, Set<String> dependencies) {
		DisposableBean previous = takeDisposable(beanName);
		Set<String> dependents = takeDependents(beanName);
		// resets the bean factory's caches of the name, and removes the instance; not an
		// override, which Spring logs as one for every rebuilt bean
		this.beanFactory.removeBeanDefinition(beanName);
		this.beanFactory.registerBeanDefinition(beanName, definition);
		add(beanName, instance, destruction, dependencies);
		dependents.forEach((dependent) -> this.beanFactory.registerDependentBean(beanName, dependent));
		return previous;
	}

	/**
	 * Register a new bean with an instance built already.
	 * @param beanName the bean name
	 * @param definition its definition
	 * @param instance the instance
	 * @param destruction what destroys it, if anything
	 * @param dependencies the beans it depends on
	 */
	void register(String beanName, BeanDefinition definition, @Nullable Object instance,
			@Nullable DisposableBean destruction, Set<String> dependencies) {
		this.beanFactory.registerBeanDefinition(beanName, definition);
		add(beanName, instance, destruction, dependencies);
	}

	/**
	 * Remove a bean, keeping its instance for later destruction.
	 * @param beanName the bean name
	 * @return what destroys the removed instance, if anything
	 */
	@Nullable DisposableBean remove(String beanName) {
		DisposableBean previous = takeDisposable(beanName);
		takeDependents(beanName);
		this.beanFactory.removeBeanDefinition(beanName);
		return previous;
	}

	private void add(String beanName, @Nullable Object instance, @Nullable DisposableBean destruction,
			Set<String> dependencies) {
		if (instance != null) {
			this.beanFactory.registerSingleton(beanName, instance);
			if (destruction != null) {
				this.beanFactory.registerDisposableBean(beanName, destruction);
			}
		}
		dependencies.forEach((dependency) -> this.beanFactory.registerDependentBean(dependency, beanName));
	}

	private @Nullable DisposableBean takeDisposable(String beanName) {
		Map<String, DisposableBean> disposables = SpringInternals.get(DISPOSABLE_BEANS, this.beanFactory);
		synchronized (disposables) {
			return disposables.remove(beanName);
		}
	}

	private Set<String> takeDependents(String beanName) {
		Map<String, Set<String>> dependents = SpringInternals.get(DEPENDENT_BEAN_MAP, this.beanFactory);
		synchronized (dependents) {
			Set<String> taken = dependents.remove(beanName);
			return (taken != null) ? new LinkedHashSet<>(taken) : Set.of();
		}
	}

}
