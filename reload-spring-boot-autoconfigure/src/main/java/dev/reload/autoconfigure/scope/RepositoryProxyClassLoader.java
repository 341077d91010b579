package dev.reload.autoconfigure.scope;

import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.FactoryBean;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Gives a Spring Data repository factory bean that a reload builds the class loader of
 * its new interface, before it creates its proxy: the bean factory's class loader has
 * resolved the interface's name to the class the running repository was created for, and
 * a JDK proxy can only be made in a class loader that resolves its interfaces to
 * themselves. The proxy class then lives, and is freed, with the new generation. Outside
 * a reload it leaves every bean alone.
 *
 * @author reload-spring-boot
 */
final class RepositoryProxyClassLoader implements BeanPostProcessor {

	private final ReloadScope scope;

	private final ReloadableBeans beans;

	RepositoryProxyClassLoader(ReloadScope scope, ReloadableBeans beans) {
		this.scope = scope;
		this.beans = beans;
	}

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		// called after the Aware callbacks and before afterPropertiesSet, where the
		// proxy is made
		if (bean instanceof FactoryBean<?> factoryBean && bean instanceof BeanClassLoaderAware aware
				&& this.scope.isStaging(beanName) && this.beans.isRepository(this.scope.lastingName(beanName))) {
			Class<?> repositoryInterface = factoryBean.getObjectType();
			if (repositoryInterface != null && repositoryInterface.getClassLoader() != null) {
				aware.setBeanClassLoader(repositoryInterface.getClassLoader());
			}
		}
		return bean;
	}

}
