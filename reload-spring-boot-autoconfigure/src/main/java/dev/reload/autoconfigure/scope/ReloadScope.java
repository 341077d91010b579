package dev.reload.autoconfigure.scope;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectFactory;
import org.springframework.beans.factory.config.Scope;
import org.springframework.util.Assert;

/**
 * The scope of beans built from reloadable classes. It behaves as a singleton scope until
 * a reload: then the affected beans are built into a staging area under staging names,
 * visible only to the reloading thread, and switched in together by one volatile write,
 * or thrown away together.
 *
 * @author reload-spring-boot
 */
public final class ReloadScope implements Scope, DisposableBean {

	/**
	 * The name the scope is registered under.
	 */
	public static final String NAME = "reload";

	private static final Log logger = LogFactory.getLog(ReloadScope.class);

	private static final String STAGING_PREFIX = "reload.staging.";

	private final Object creationLock = new Object();

	private volatile Map<String, ScopedBean> beans = Map.of();

	private final Map<String, Runnable> pendingCallbacks = new ConcurrentHashMap<>();

	private final ThreadLocal<Staging> staging = new ThreadLocal<>();

	@Override
	public Object get(String name, ObjectFactory<?> objectFactory) {
		Staging current = this.staging.get();
		if (current != null && current.isStagingName(name)) {
			return current.get(name, objectFactory);
		}
		ScopedBean existing = this.beans.get(name);
		if (existing != null) {
			return existing.bean();
		}
		synchronized (this.creationLock) {
			existing = this.beans.get(name);
			if (existing != null) {
				return existing.bean();
			}
			Object bean = objectFactory.getObject();
			Map<String, ScopedBean> updated = new HashMap<>(this.beans);
			updated.put(name, new ScopedBean(bean, this.pendingCallbacks.remove(name)));
			this.beans = Map.copyOf(updated);
			return bean;
		}
	}

	@Override
	public @Nullable Object remove(String name) {
		synchronized (this.creationLock) {
			Map<String, ScopedBean> updated = new HashMap<>(this.beans);
			ScopedBean removed = updated.remove(name);
			this.beans = Map.copyOf(updated);
			return (removed != null) ? removed.bean() : null;
		}
	}

	@Override
	public void registerDestructionCallback(String name, Runnable callback) {
		Staging current = this.staging.get();
		if (current != null && current.isStagingName(name)) {
			current.callbacks.put(name, callback);
		}
		else {
			this.pendingCallbacks.put(name, callback);
		}
	}

	@Override
	public @Nullable Object resolveContextualObject(String key) {
		return null;
	}

	@Override
	public @Nullable String getConversationId() {
		return null;
	}

	/**
	 * Destroy every bean in the scope, as the bean factory destroys its singletons when
	 * the context closes.
	 */
	@Override
	public void destroy() {
		Map<String, ScopedBean> destroyed;
		synchronized (this.creationLock) {
			destroyed = this.beans;
			this.beans = Map.of();
		}
		destroyed.values().forEach(ScopedBean::destroy);
	}

	/**
	 * Return the current instance of a bean in this scope.
	 * @param name the bean name
	 * @return the instance, or {@code null} if it has not been created
	 */
	public @Nullable Object current(String name) {
		ScopedBean bean = this.beans.get(name);
		return (bean != null) ? bean.bean() : null;
	}

	/**
	 * Return whether the bean factory may offer the named bean as an autowiring candidate
	 * to the current thread: staging beans only to the thread building them, and beans
	 * being replaced not to that thread.
	 * @param name the bean name
	 * @return whether the bean is visible
	 */
	boolean isVisibleCandidate(String name) {
		Staging current = this.staging.get();
		if (current == null) {
			return !name.startsWith(STAGING_PREFIX);
		}
		return current.isStagingName(name) || (!name.startsWith(STAGING_PREFIX) && !current.replaces(name));
	}

	/**
	 * Return the name under which consumers should find the named bean once a staging
	 * area is switched in.
	 * @param name a bean name, possibly a staging name
	 * @return the bean's lasting name
	 */
	String lastingName(String name) {
		Staging current = this.staging.get();
		return (current != null && current.isStagingName(name)) ? current.stagingToLasting.get(name) : name;
	}

	/**
	 * Return whether the name is a staging name of the current thread's staging area.
	 * @param name the bean name
	 * @return whether it is being staged
	 */
	/**
	 * Return the staging names of the beans this thread is building.
	 * @return the staging names; empty outside a reload
	 */
	Set<String> stagingNames() {
		Staging current = this.staging.get();
		return (current != null) ? current.stagingToLasting.keySet() : Set.of();
	}

	boolean isStaging(String name) {
		Staging current = this.staging.get();
		return current != null && current.isStagingName(name);
	}

	/**
	 * Open a staging area on this thread for the given beans.
	 * @param lastingNames the names of the beans to build
	 * @return the staging area
	 */
	Staging beginStaging(Set<String> lastingNames) {
		Assert.state(this.staging.get() == null, "A reload is already staging on this thread");
		Staging area = new Staging(lastingNames);
		this.staging.set(area);
		return area;
	}

	/**
	 * Switch the staged beans in, and remove the given ones, in one step.
	 * @param area the staging area
	 * @param removedNames beans to remove from the scope
	 * @return the beans that were replaced or removed, to destroy once they are idle
	 */
	List<ScopedBean> commit(Staging area, Set<String> removedNames) {
		synchronized (this.creationLock) {
			Map<String, ScopedBean> updated = new HashMap<>(this.beans);
			List<ScopedBean> retired = new ArrayList<>();
			area.built.forEach((lastingName, bean) -> {
				ScopedBean previous = updated.put(lastingName,
						new ScopedBean(bean, area.callbacks.get(area.lastingToStaging.get(lastingName))));
				if (previous != null) {
					retired.add(previous);
				}
			});
			for (String name : removedNames) {
				ScopedBean previous = updated.remove(name);
				if (previous != null) {
					retired.add(previous);
				}
			}
			this.beans = Map.copyOf(updated);
			return retired;
		}
	}

	/**
	 * Destroy whatever a staging area built, and forget it.
	 * @param area the staging area
	 */
	void discard(Staging area) {
		area.built.keySet().forEach((lastingName) -> {
			Runnable callback = area.callbacks.get(area.lastingToStaging.get(lastingName));
			new ScopedBean(area.built.get(lastingName), callback).destroy();
		});
	}

	/**
	 * Close the current thread's staging area, committed or discarded.
	 */
	void endStaging() {
		this.staging.remove();
	}

	/**
	 * A bean held by the scope, with the callback that destroys it.
	 *
	 * @param bean the instance
	 * @param destructionCallback what destroys it, if anything
	 */
	record ScopedBean(Object bean, @Nullable Runnable destructionCallback) {

		void destroy() {
			if (this.destructionCallback != null) {
				try {
					this.destructionCallback.run();
				}
				catch (RuntimeException ex) {
					logger.warn("Destruction of reloadable bean " + this.bean.getClass().getName() + " failed", ex);
				}
			}
		}

	}

	/**
	 * The beans of one reload, built under staging names before they are switched in.
	 */
	static final class Staging {

		private final Map<String, String> stagingToLasting = new HashMap<>();

		private final Map<String, String> lastingToStaging = new LinkedHashMap<>();

		private final Map<String, Object> built = new LinkedHashMap<>();

		private final Map<String, Runnable> callbacks = new HashMap<>();

		Staging(Set<String> lastingNames) {
			for (String name : lastingNames) {
				// the same name at every reload: the bean factory keeps per-name metadata
				// (merged definitions, injection metadata) that a name used once would
				// leak,
				// with the classes of the generation it was built from
				String stagingName = STAGING_PREFIX + name;
				this.stagingToLasting.put(stagingName, name);
				this.lastingToStaging.put(name, stagingName);
			}
		}

		String stagingName(String lastingName) {
			return this.lastingToStaging.get(lastingName);
		}

		boolean isStagingName(String name) {
			return this.stagingToLasting.containsKey(name);
		}

		boolean replaces(String lastingName) {
			return this.lastingToStaging.containsKey(lastingName);
		}

		Object get(String stagingName, ObjectFactory<?> objectFactory) {
			String lastingName = this.stagingToLasting.get(stagingName);
			Object bean = this.built.get(lastingName);
			if (bean == null) {
				bean = objectFactory.getObject();
				this.built.put(lastingName, bean);
			}
			return bean;
		}

		Object built(String lastingName) {
			return this.built.get(lastingName);
		}

	}

}
