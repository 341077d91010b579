package dev.reload.autoconfigure.scope;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.ConfigurationClassPostProcessor;

/**
 * Makes the subclass Spring makes of a {@code @Configuration} class whose calls to its
 * own {@code @Bean} methods are answered with beans. Spring's enhancer is not public; its
 * post-processor enhances the full configuration classes of a bean factory, so it is
 * given one of its own, holding only the class to enhance.
 *
 * @author reload-spring-boot
 */
final class EnhancedConfigurationClass {

	private EnhancedConfigurationClass() {
	}

	/**
	 * Return the enhanced subclass of a configuration class.
	 * @param configurationClass the configuration class, of a new generation
	 * @param classLoader the class loader of that generation
	 * @return the enhanced class
	 * @throws IllegalStateException if Spring did not enhance it
	 */
	static Class<?> of(Class<?> configurationClass, ClassLoader classLoader) {
		DefaultListableBeanFactory scratch = new DefaultListableBeanFactory();
		RootBeanDefinition definition = new RootBeanDefinition(configurationClass);
		definition.setAttribute(ConfigurationRebuild.CONFIGURATION_CLASS_ATTRIBUTE, "full");
		scratch.registerBeanDefinition("configuration", definition);
		ConfigurationClassPostProcessor postProcessor = new ConfigurationClassPostProcessor();
		postProcessor.setBeanClassLoader(classLoader);
		postProcessor.enhanceConfigurationClasses(scratch);
		Class<?> enhanced = definition.getBeanClass();
		if (enhanced == configurationClass) {
			throw new IllegalStateException(
					"Spring did not enhance configuration class " + configurationClass.getName());
		}
		return enhanced;
	}

}
