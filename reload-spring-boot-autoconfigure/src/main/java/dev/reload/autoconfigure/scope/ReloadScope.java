package dev.reload.autoconfigure.scope;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectFactory;
import org.springframework.beans.factory.config.Scope;
import org.springframework.util.Assert;

/**
 * The scope a reload builds its beans in: under staging names, visible only to the
 * reloading thread, until they are switched in as the singletons they replace, or thrown
 * away together. Outside a reload it holds nothing: application beans are singletons.
 *
 * @author reload-spring-boot
 */
public final class ReloadScope implements Scope {

	/**
	 * The name the scope is registered under.
	 */
	public static final String NAME = "reload";

	private static final Log logger = LogFactory.getLog(ReloadScope.class);

	private static final String STAGING_PREFIX = "reload.staging.";

	private final ThreadLocal<Staging> staging = new ThreadLocal<>();

	@Override
	public Object get(String name, ObjectFactory<?> objectFactory) {
		Staging current = this.staging.get();
		Assert.state(current != null && current.isStagingName(name),
				() -> "Bean '" + name + "' is being built by a reload on another thread");
		return current.get(name, objectFactory);
	}

	@Override
	public @Nullable Object remove(String name) {
		return null;
	}

	@Override
	public void registerDestructionCallback(String name, Runnable callback) {
		Staging current = this.staging.get();
		if (current != null && current.isStagingName(name)) {
			current.callbacks.put(name, callback);
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
	 * Destroy whatever a staging area built, and forget it.
	 * @param area the staging area
	 */
	void discard(Staging area) {
		area.built.keySet().forEach((lastingName) -> {
			Runnable callback = area.destructionCallback(lastingName);
			if (callback != null) {
				try {
					callback.run();
				}
				catch (RuntimeException ex) {
					logger.warn("Destruction of the discarded new instance of bean '" + lastingName + "' failed", ex);
				}
			}
		});
	}

	/**
	 * Close the current thread's staging area, committed or discarded.
	 */
	void endStaging() {
		this.staging.remove();
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

		String lastingName(String name) {
			return this.stagingToLasting.getOrDefault(name, name);
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

		@Nullable Object built(String lastingName) {
			return this.built.get(lastingName);
		}

		@Nullable Runnable destructionCallback(String lastingName) {
			return this.callbacks.get(this.lastingToStaging.get(lastingName));
		}

	}

}
