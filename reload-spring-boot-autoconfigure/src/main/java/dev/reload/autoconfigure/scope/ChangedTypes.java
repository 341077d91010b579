package dev.reload.autoconfigure.scope;

import java.util.Set;

import org.springframework.beans.factory.FactoryBean;

/**
 * What a rebuild changed, as far as "which beans are of this type" is concerned: the
 * classes the new generation redefines, and the classes of the beans it rebuilt, added
 * and removed, before and after. An answer cached for any other type is still right after
 * the rebuild.
 *
 * @param affectedClassNames the classes the new generation redefines
 * @param beanClasses the classes of the rebuilt, added and removed beans, before and
 * after
 * @author reload-spring-boot
 */
record ChangedTypes(Set<String> affectedClassNames, Set<Class<?>> beanClasses) {

	ChangedTypes {
		affectedClassNames = Set.copyOf(affectedClassNames);
		beanClasses = Set.copyOf(beanClasses);
	}

	/**
	 * Return whether the answer for the given type may differ after the rebuild.
	 * @param type the type asked about
	 * @return whether a cached answer must be recomputed
	 */
	boolean affects(Class<?> type) {
		if (this.affectedClassNames.contains(type.getName())) {
			return true;
		}
		for (Class<?> beanClass : this.beanClasses) {
			// what a factory bean produces may be of any type
			if (type.isAssignableFrom(beanClass) || FactoryBean.class.isAssignableFrom(beanClass)) {
				return true;
			}
		}
		return false;
	}

}
