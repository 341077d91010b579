package dev.reload.autoconfigure.scope;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectFactory;
import org.springframework.beans.factory.config.BeanDefinitionHolder;
import org.springframework.beans.factory.config.DependencyDescriptor;
import org.springframework.beans.factory.support.AutowireCandidateResolver;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.core.ResolvableType;

/**
 * Resolves injection points that a reloadable bean can satisfy, around the resolver the
 * context already had.
 * <ul>
 * <li>An injection point of an interface type gets a {@link CurrentBeanProxy}: the
 * consumer need not be rebuilt when the implementation is. So do an {@code Optional} and
 * an {@code ObjectProvider}'s single bean, which Spring caches once resolved.</li>
 * <li>A consumer is registered as a dependent of what it was given, as Spring does, so it
 * is destroyed first.</li>
 * <li>While a reload is staging, the thread that builds the new beans sees them instead
 * of the ones they replace; no other thread sees them.</li>
 * </ul>
 *
 * @author reload-spring-boot
 */
final class ReloadingAutowireCandidateResolver implements AutowireCandidateResolver {

	private final AutowireCandidateResolver delegate;

	private final ReloadScope scope;

	private final ReloadableBeans beans;

	private final DefaultListableBeanFactory beanFactory;

	private final ReloadableTypes reloadableTypes;

	/** The indirect injection point this thread resolves, so that it is resolved once. */
	private final ThreadLocal<DependencyDescriptor> resolvingIndirect = new ThreadLocal<>();

	ReloadingAutowireCandidateResolver(AutowireCandidateResolver delegate, ReloadScope scope, ReloadableBeans beans,
			DefaultListableBeanFactory beanFactory) {
		this.delegate = delegate;
		this.scope = scope;
		this.beans = beans;
		this.beanFactory = beanFactory;
		this.reloadableTypes = new ReloadableTypes();
	}

	@Override
	public boolean isAutowireCandidate(BeanDefinitionHolder holder, DependencyDescriptor descriptor) {
		return this.scope.isVisibleCandidate(holder.getBeanName())
				&& this.delegate.isAutowireCandidate(holder, descriptor);
	}

	@Override
	public boolean isRequired(DependencyDescriptor descriptor) {
		return this.delegate.isRequired(descriptor);
	}

	@Override
	public boolean hasQualifier(DependencyDescriptor descriptor) {
		return this.delegate.hasQualifier(descriptor);
	}

	@Override
	public @Nullable String getSuggestedName(DependencyDescriptor descriptor) {
		return this.delegate.getSuggestedName(descriptor);
	}

	@Override
	public @Nullable Object getSuggestedValue(DependencyDescriptor descriptor) {
		Object value = this.delegate.getSuggestedValue(descriptor);
		if (value != null || !isIndirect(descriptor) || this.resolvingIndirect.get() != null
				|| !mayResolveToReloadableBean(descriptor)) {
			return value;
		}
		// an Optional, and an ObjectProvider's getObject(), which Spring caches, resolve
		// their bean here, without asking for a lazy-resolution proxy
		this.resolvingIndirect.set(descriptor);
		try {
			Set<String> candidates = new LinkedHashSet<>();
			Object resolved = this.beanFactory.doResolveDependency(descriptor, null, candidates, null);
			return (resolved != null && candidates.size() == 1)
					? currentBeanProxy(descriptor, candidates.iterator().next(), resolved) : null;
		}
		finally {
			this.resolvingIndirect.remove();
		}
	}

	/**
	 * Return whether the descriptor is the one Spring resolves the bean of an
	 * {@code Optional}, {@code ObjectFactory} or {@code ObjectProvider} injection point
	 * through.
	 */
	private static boolean isIndirect(DependencyDescriptor descriptor) {
		Class<?> declared = (descriptor.getField() != null) ? descriptor.getField().getType()
				: (descriptor.getMethodParameter() != null) ? descriptor.getMethodParameter().getParameterType() : null;
		return declared != null && declared != descriptor.getDependencyType()
				&& (declared == Optional.class || ObjectFactory.class.isAssignableFrom(declared));
	}

	private @Nullable Object currentBeanProxy(DependencyDescriptor descriptor, String candidate, Object resolved) {
		Class<?> type = descriptor.getDependencyType();
		// a prototype's consumer keeps the instance it was given, as without reloading
		if (isReloadable(candidate) && type.isInterface() && type.isInstance(resolved)
				&& !this.beanFactory.isPrototype(candidate)) {
			return CurrentBeanProxy.create(type, this.scope.lastingName(candidate), this.beanFactory);
		}
		return null;
	}

	@Override
	public @Nullable Class<?> getLazyResolutionProxyClass(DependencyDescriptor descriptor, @Nullable String beanName) {
		return this.delegate.getLazyResolutionProxyClass(descriptor, beanName);
	}

	@Override
	public AutowireCandidateResolver cloneIfNecessary() {
		return new ReloadingAutowireCandidateResolver(this.delegate.cloneIfNecessary(), this.scope, this.beans,
				this.beanFactory);
	}

	@Override
	public @Nullable Object getLazyResolutionProxyIfNecessary(DependencyDescriptor descriptor,
			@Nullable String requestingBeanName) {
		Object lazy = this.delegate.getLazyResolutionProxyIfNecessary(descriptor, requestingBeanName);
		if (lazy != null || !mayResolveToReloadableBean(descriptor)) {
			return lazy;
		}
		Set<String> candidates = new LinkedHashSet<>();
		Object resolved = this.beanFactory.doResolveDependency(descriptor, requestingBeanName, candidates, null);
		for (String candidate : candidates) {
			if (requestingBeanName != null && this.beanFactory.containsBean(candidate)) {
				// what the caller would have done, had it resolved the dependency itself:
				// the consumer is destroyed before what it uses
				this.beanFactory.registerDependentBean(candidate, requestingBeanName);
			}
		}
		if (resolved != null && isMultiple(descriptor)) {
			return live(descriptor, requestingBeanName, candidates, resolved);
		}
		if (resolved == null || candidates.size() != 1) {
			return resolved;
		}
		Object proxy = currentBeanProxy(descriptor, candidates.iterator().next(), resolved);
		return (proxy != null) ? proxy : resolved;
	}

	/**
	 * A collection of beans, one of them reloadable, for a consumer that a reload need
	 * not rebuild: a live view, so that it does not keep the instances it was first
	 * given.
	 */
	private Object live(DependencyDescriptor descriptor, @Nullable String requestingBeanName, Set<String> candidates,
			Object resolved) {
		Class<?> type = descriptor.getDependencyType();
		boolean reloadable = candidates.stream()
			.anyMatch((candidate) -> isReloadable(candidate) && !this.beanFactory.isPrototype(candidate));
		if (!reloadable || !LiveBeanCollection.supports(type) || !type.isInstance(resolved)) {
			return resolved;
		}
		return LiveBeanCollection.create(type, resolved,
				() -> this.beanFactory.doResolveDependency(descriptor, requestingBeanName, null, null),
				this.beans::version);
	}

	private boolean isReloadable(String beanName) {
		return this.scope.isStaging(beanName) || this.beans.isReloadableBean(beanName);
	}

	private boolean mayResolveToReloadableBean(DependencyDescriptor descriptor) {
		Class<?> type = elementType(descriptor);
		if (type == null || type == Object.class) {
			return false;
		}
		for (String name : this.scope.stagingNames()) {
			if (this.beanFactory.containsBeanDefinition(name)) {
				Class<?> beanType = this.beanFactory.getType(name, false);
				if (beanType != null && type.isAssignableFrom(beanType)) {
					return true;
				}
			}
		}
		return this.reloadableTypes.resolve(type);
	}

	private static @Nullable Class<?> elementType(DependencyDescriptor descriptor) {
		ResolvableType type = descriptor.getResolvableType();
		if (type.isArray()) {
			return type.getComponentType().resolve();
		}
		Class<?> raw = type.resolve();
		if (raw != null && Collection.class.isAssignableFrom(raw)) {
			return type.asCollection().resolveGeneric(0);
		}
		if (raw != null && Map.class.isAssignableFrom(raw)) {
			return type.asMap().resolveGeneric(1);
		}
		return raw;
	}

	private static boolean isMultiple(DependencyDescriptor descriptor) {
		Class<?> type = descriptor.getDependencyType();
		return type.isArray() || Collection.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type);
	}

	/**
	 * Which types a reloadable bean satisfies, remembered until the reloadable beans
	 * change: a reload resolves many injection points while the bean factory's own
	 * by-type cache is cleared, and a scan of every bean per injection point would make
	 * the reload's time grow with the size of the application.
	 */
	private final class ReloadableTypes {

		private volatile Cache cache = new Cache(-1);

		boolean resolve(Class<?> type) {
			long version = ReloadingAutowireCandidateResolver.this.beans.version();
			Cache current = this.cache;
			if (current.version != version) {
				// a new map: the old one's keys may be classes of a replaced generation;
				// it keeps the answers the rebuild in between cannot have changed
				Cache next = new Cache(version);
				ChangedTypes changed = ReloadingAutowireCandidateResolver.this.beans.changedBetween(current.version,
						version);
				if (changed != null) {
					current.types.forEach((known, answer) -> {
						if (!changed.affects(known)) {
							next.types.put(known, answer);
						}
					});
				}
				current = next;
				this.cache = current;
			}
			return current.types.computeIfAbsent(type, this::scan);
		}

		private boolean scan(Class<?> type) {
			for (String name : ReloadingAutowireCandidateResolver.this.beanFactory.getBeanNamesForType(type, true,
					false)) {
				if (ReloadingAutowireCandidateResolver.this.beans.isReloadableBean(name)) {
					return true;
				}
			}
			return false;
		}

		private record Cache(long version, Map<Class<?>, Boolean> types) {

			Cache(long version) {
				this(version, new ConcurrentHashMap<>());
			}

		}

	}

}
