package dev.reload.autoconfigure.scope;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * A {@code List}, {@code Set}, {@code Collection} or {@code Map} of beans, injected into
 * a consumer that is not rebuilt, that stays what Spring would inject now: when a reload
 * rebuilds, adds or removes one of its beans, the next call sees the current beans, in
 * Spring's order. Between reloads it is the collection Spring resolved, resolved again
 * only when the reloadable beans change.
 *
 * @author reload-spring-boot
 */
final class LiveBeanCollection implements InvocationHandler {

	private static final Set<Class<?>> TYPES = Set.of(List.class, Set.class, Collection.class, Map.class);

	private final Supplier<@Nullable Object> resolver;

	private final LongSupplier version;

	private volatile Resolved current;

	private LiveBeanCollection(Object initial, long version, Supplier<@Nullable Object> resolver,
			LongSupplier versions) {
		this.current = new Resolved(version, initial);
		this.resolver = resolver;
		this.version = versions;
	}

	/**
	 * Return whether a live view can stand for an injection point of the given type: the
	 * collection interfaces Spring resolves to beans, not a concrete collection class.
	 */
	static boolean supports(Class<?> type) {
		return TYPES.contains(type);
	}

	/**
	 * Create a live view.
	 * @param type the injection point's type, one {@link #supports(Class)} accepts
	 * @param initial what Spring resolved
	 * @param resolver how to resolve it again
	 * @param versions the version of the reloadable beans, which changes with each
	 * rebuild
	 * @return the view
	 */
	static Object create(Class<?> type, Object initial, Supplier<@Nullable Object> resolver, LongSupplier versions) {
		return Proxy.newProxyInstance(LiveBeanCollection.class.getClassLoader(), new Class<?>[] { type },
				new LiveBeanCollection(initial, versions.getAsLong(), resolver, versions));
	}

	@Override
	public @Nullable Object invoke(Object proxy, Method method, @Nullable Object[] args) throws Throwable {
		Object target = current();
		if (method.getName().equals("equals") && args != null && args.length == 1 && args[0] == proxy) {
			return true;
		}
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getTargetException();
		}
	}

	private Object current() {
		long version = this.version.getAsLong();
		Resolved resolved = this.current;
		if (resolved.version() != version) {
			Object value = this.resolver.get();
			resolved = new Resolved(version, (value != null) ? value : resolved.value());
			this.current = resolved;
		}
		return resolved.value();
	}

	private record Resolved(long version, Object value) {

	}

}
