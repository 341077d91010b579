package dev.reload.autoconfigure.scope;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.support.AbstractBeanFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.util.ReflectionUtils;

/**
 * What the bean factory derives from bean definitions and caches, made right for a
 * rebuild, which replaces definitions under the same names.
 * <ul>
 * <li>The answers to "which beans are of this type": registering or removing any bean
 * definition clears them all, and every type lookup after that reads every bean
 * definition again; in an application of thousands of beans that, not the beans rebuilt,
 * would make up the time of a reload. A rebuild changes only the beans of the affected
 * classes, so an answer for a type that none of their classes, before or after, is
 * assignable to is still right, and is put back.</li>
 * <li>Merged bean definitions: when a definition is replaced, Spring re-merges it on
 * demand and carries the resolved type of the previous merge over when the class name is
 * the same, as it is for a new generation of a class; the bean's type would stay the
 * replaced class. They are forgotten instead.</li>
 * </ul>
 *
 * @author reload-spring-boot
 */
final class BeanDefinitionCaches {

	private static final List<Field> TYPE_CACHES = List.of(
			SpringInternals.field(DefaultListableBeanFactory.class, "allBeanNamesByType", Map.class,
					"to keep the by-type answers a rebuild cannot change"),
			SpringInternals.field(DefaultListableBeanFactory.class, "singletonBeanNamesByType", Map.class,
					"to keep the by-type answers a rebuild cannot change"));

	private static final List<Field> MERGED_DEFINITIONS = List.of(SpringInternals.field(AbstractBeanFactory.class,
			"mergedBeanDefinitions", Map.class, "to forget the merged definitions of replaced beans"));

	private final DefaultListableBeanFactory beanFactory;

	BeanDefinitionCaches(DefaultListableBeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	/**
	 * Forget the merged definitions of the given beans, so that they are merged afresh
	 * from their current definitions.
	 * @param beanNames the names of the beans whose definitions were replaced or removed
	 */
	void forgetMergedDefinitions(Collection<String> beanNames) {
		for (Field field : MERGED_DEFINITIONS) {
			Map<String, ?> merged = map(field);
			beanNames.forEach(merged::remove);
		}
	}

	/**
	 * Take the cached answers as they are now, before definitions change.
	 * @return the answers of each cache
	 */
	List<Map<Class<?>, String[]>> snapshot() {
		List<Map<Class<?>, String[]>> snapshot = new ArrayList<>(TYPE_CACHES.size());
		for (Field cache : TYPE_CACHES) {
			snapshot.add(new HashMap<>(map(cache)));
		}
		return snapshot;
	}

	/**
	 * Put back the answers that the rebuild cannot have changed; answers computed since
	 * the snapshot are kept.
	 * @param snapshot what {@link #snapshot()} returned
	 * @param changed what the rebuild changed
	 */
	void restore(List<Map<Class<?>, String[]>> snapshot, ChangedTypes changed) {
		for (int i = 0; i < TYPE_CACHES.size(); i++) {
			Map<Class<?>, String[]> cache = map(TYPE_CACHES.get(i));
			snapshot.get(i).forEach((type, names) -> {
				if (!changed.affects(type)) {
					cache.putIfAbsent(type, names);
				}
			});
		}
	}

	@SuppressWarnings("unchecked")
	private <K, V> Map<K, V> map(Field field) {
		return (Map<K, V>) ReflectionUtils.getField(field, this.beanFactory);
	}

}
