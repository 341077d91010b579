package dev.reload.autoconfigure.scope;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.PropertyValue;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanReference;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.config.ConstructorArgumentValues;
import org.springframework.beans.factory.config.ConstructorArgumentValues.ValueHolder;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.core.ResolvableType;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;

/**
 * The bean definitions Spring Data registers for repository interfaces: a repository
 * factory bean given the interface's name as its constructor argument. A changed
 * interface (a query method added or changed) is rebuilt in place from a copy of its
 * definition that names the new class; a repository with custom implementation fragments
 * is not, since its proxy holds the fragments it was created with.
 *
 * @author reload-spring-boot
 */
final class SpringDataRepositories {

	private static final String FACTORY_BEAN_SUPPORT = "org.springframework.data.repository.core.support.RepositoryFactoryBeanSupport";

	/** Where a repository's definition refers to its implementation fragments. */
	private static final String[] FRAGMENT_PROPERTIES = { "repositoryFragments", "customImplementation" };

	private SpringDataRepositories() {
	}

	/**
	 * Return the repository interface a definition creates a repository for.
	 * @param definition a bean definition
	 * @param classLoader the bean factory's class loader
	 * @return the interface's name, or {@code null} if the definition is not one of a
	 * Spring Data repository
	 */
	static @Nullable String repositoryInterface(BeanDefinition definition, @Nullable ClassLoader classLoader) {
		String className = definition.getBeanClassName();
		if (className == null || definition.getFactoryMethodName() != null) {
			return null;
		}
		// the constructor argument first: it rules out almost every definition without
		// loading a class, as this runs for each of them at start-up
		ValueHolder argument = definition.getConstructorArgumentValues().getIndexedArgumentValue(0, null);
		Object value = (argument != null) ? argument.getValue() : null;
		String repositoryInterface = (value instanceof Class<?> type) ? type.getName()
				: (value instanceof String name) ? name : null;
		if (repositoryInterface == null || !ClassUtils.isPresent(FACTORY_BEAN_SUPPORT, classLoader)) {
			return null;
		}
		try {
			Class<?> support = ClassUtils.forName(FACTORY_BEAN_SUPPORT, classLoader);
			return support.isAssignableFrom(ClassUtils.forName(className, classLoader)) ? repositoryInterface : null;
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return null;
		}
	}

	/**
	 * Return the classes of the beans a repository's proxy holds from its creation:
	 * custom implementations and the fragments they make up.
	 * @param definition the repository's definition
	 * @param beanFactory the bean factory
	 * @return the class names of the beans it holds, other than Spring's; empty for a
	 * plain repository
	 */
	static Set<String> fragmentClasses(BeanDefinition definition, ConfigurableListableBeanFactory beanFactory) {
		Set<String> classes = new LinkedHashSet<>();
		Deque<String> names = new ArrayDeque<>();
		for (String property : FRAGMENT_PROPERTIES) {
			PropertyValue value = definition.getPropertyValues().getPropertyValue(property);
			if (value != null) {
				reference(value.getValue(), names);
			}
		}
		Set<String> seen = new HashSet<>();
		while (!names.isEmpty()) {
			String name = names.pop();
			if (!seen.add(name) || !beanFactory.containsBeanDefinition(name)) {
				continue;
			}
			BeanDefinition referenced = beanFactory.getBeanDefinition(name);
			String className = referenced.getBeanClassName();
			if (className != null && !className.startsWith("org.springframework.")) {
				classes.add(className);
			}
			references(referenced, names);
		}
		return classes;
	}

	/**
	 * Return a copy of a repository's definition for the given new class of its
	 * interface.
	 * @param existing the definition the repository was created from
	 * @param repositoryInterface the interface's new class
	 * @return the definition
	 */
	static AbstractBeanDefinition definition(BeanDefinition existing, Class<?> repositoryInterface) {
		AbstractBeanDefinition definition = ((AbstractBeanDefinition) existing).cloneBeanDefinition();
		String factoryBeanClassName = definition.getBeanClassName();
		Assert.state(factoryBeanClassName != null, "A repository definition names its factory bean");
		// the registered definition names its class; what is built from it needs the
		// class
		definition
			.setBeanClass(ClassUtils.resolveClassName(factoryBeanClassName, repositoryInterface.getClassLoader()));
		ConstructorArgumentValues arguments = new ConstructorArgumentValues(existing.getConstructorArgumentValues());
		arguments.addIndexedArgumentValue(0, repositoryInterface);
		definition.setConstructorArgumentValues(arguments);
		if (definition instanceof RootBeanDefinition root) {
			ResolvableType previous = root.getResolvableType();
			Class<?> factoryBean = previous.resolve();
			ResolvableType[] generics = previous.getGenerics();
			if (factoryBean != null && generics.length > 0) {
				// from classes: a generic of the previous type would keep that type, and
				// the previous interface, as its owner
				Class<?>[] classes = new Class<?>[generics.length];
				classes[0] = repositoryInterface;
				for (int i = 1; i < generics.length; i++) {
					classes[i] = generics[i].toClass();
				}
				root.setTargetType(ResolvableType.forClassWithGenerics(factoryBean, classes));
			}
		}
		return definition;
	}

	private static void references(BeanDefinition definition, Deque<String> names) {
		for (PropertyValue property : definition.getPropertyValues().getPropertyValues()) {
			reference(property.getValue(), names);
		}
		definition.getConstructorArgumentValues()
			.getIndexedArgumentValues()
			.values()
			.forEach((argument) -> reference(argument.getValue(), names));
		definition.getConstructorArgumentValues()
			.getGenericArgumentValues()
			.forEach((argument) -> reference(argument.getValue(), names));
	}

	private static void reference(@Nullable Object value, Deque<String> names) {
		if (value instanceof BeanReference reference) {
			names.add(reference.getBeanName());
		}
		else if (value instanceof BeanDefinition inner) {
			references(inner, names);
		}
		else if (value instanceof Collection<?> values) {
			// the fragments factory bean takes the names of the fragment beans
			values.forEach((element) -> {
				if (element instanceof String name) {
					names.add(name);
				}
				else {
					reference(element, names);
				}
			});
		}
	}

}
