package dev.reload.autoconfigure.scope;

import java.util.Set;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.MutablePropertyValues;
import org.springframework.beans.PropertyValue;
import org.springframework.beans.factory.config.ConstructorArgumentValues.ValueHolder;
import org.springframework.beans.factory.config.RuntimeBeanReference;
import org.springframework.beans.factory.support.AbstractBeanDefinition;

/**
 * Points the references by name of a staged bean definition at the staged beans of the
 * same reload: a repository definition names Spring Data's mapping context, and when both
 * are rebuilt, the new repository must get the new context, not the one being replaced.
 * Autowired dependencies find staged beans through the candidate resolver instead.
 *
 * @author reload-spring-boot
 */
final class StagedReferences {

	private StagedReferences() {
	}

	/**
	 * Redirect the references of the given definition to beans being staged.
	 * @param definition a staged copy of a definition
	 * @param staged the lasting names of the beans being staged
	 * @param stagingName the staging name of a lasting one
	 */
	static void redirect(AbstractBeanDefinition definition, Set<String> staged, UnaryOperator<String> stagingName) {
		MutablePropertyValues properties = definition.getPropertyValues();
		for (PropertyValue property : properties.getPropertyValueList()) {
			Object redirected = redirected(property.getValue(), staged, stagingName);
			if (redirected != null) {
				properties.add(property.getName(), redirected);
			}
		}
		definition.getConstructorArgumentValues()
			.getIndexedArgumentValues()
			.values()
			.forEach((argument) -> redirect(argument, staged, stagingName));
		definition.getConstructorArgumentValues()
			.getGenericArgumentValues()
			.forEach((argument) -> redirect(argument, staged, stagingName));
	}

	private static void redirect(ValueHolder argument, Set<String> staged, UnaryOperator<String> stagingName) {
		Object redirected = redirected(argument.getValue(), staged, stagingName);
		if (redirected != null) {
			argument.setValue(redirected);
		}
	}

	private static @Nullable Object redirected(@Nullable Object value, Set<String> staged,
			UnaryOperator<String> stagingName) {
		if (value instanceof RuntimeBeanReference reference && !reference.isToParent()
				&& staged.contains(reference.getBeanName())) {
			return new RuntimeBeanReference(stagingName.apply(reference.getBeanName()));
		}
		return null;
	}

}
