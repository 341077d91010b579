package dev.reload.autoconfigure.scope;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.BindMethod;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.Environment;

/**
 * Keeps Spring Boot's binding of a constructor-bound {@code @ConfigurationProperties}
 * bean (a record, or a class with one constructor of parameters) when a reload rebuilds
 * it: Boot registers such a bean with a definition that binds its constructor's
 * arguments, which a definition read from the new class alone would not, leaving the
 * constructor's parameters to autowiring ("No qualifying bean of type String"). A
 * JavaBean-bound one needs nothing: Boot's post-processor binds every new instance.
 *
 * @author reload-spring-boot
 */
final class ConfigurationPropertiesBinding {

	private static final String BIND_METHOD = BindMethod.class.getName();

	private ConfigurationPropertiesBinding() {
	}

	/**
	 * Make a rebuilt definition bind as the replaced one did.
	 * @param definition the definition read from the new class
	 * @param existing the definition it replaces
	 * @param beanName the bean's name
	 * @param beanClass the new class
	 * @param environment where the properties come from
	 */
	static void keep(AbstractBeanDefinition definition, BeanDefinition existing, String beanName, Class<?> beanClass,
			Environment environment) {
		if (existing.getAttribute(BIND_METHOD) != BindMethod.VALUE_OBJECT) {
			return;
		}
		definition.setAttribute(BIND_METHOD, BindMethod.VALUE_OBJECT);
		definition.setInstanceSupplier(() -> bind(beanName, beanClass, environment));
	}

	private static Object bind(String beanName, Class<?> beanClass, Environment environment) {
		ConfigurationProperties annotation = AnnotatedElementUtils.findMergedAnnotation(beanClass,
				ConfigurationProperties.class);
		if (annotation == null) {
			throw new IllegalStateException(
					"Bean '" + beanName + "' was bound to configuration properties, but its new " + "class "
							+ beanClass.getName() + " has no @ConfigurationProperties");
		}
		Bindable<?> target = Bindable.of(beanClass)
			.withAnnotations(beanClass.getAnnotations())
			.withBindMethod(BindMethod.VALUE_OBJECT);
		return Binder.get(environment).bindOrCreate(annotation.prefix(), target);
	}

}
