package dev.reload.autoconfigure.scope;

import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.annotation.ConfigurationClassPostProcessor;
import org.springframework.core.Conventions;
import org.springframework.core.Ordered;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;

/**
 * Records every singleton built from a reloadable class, once all bean definitions are
 * known, and the reloadable configuration classes; the beans stay singletons, exactly as
 * declared. It also registers the scope a reload builds beans in, and installs the
 * autowire candidate resolver that gives stable consumers proxies.
 *
 * @author reload-spring-boot
 */
public final class ReloadScopeConfigurer implements BeanFactoryPostProcessor, Ordered {

	private static final String CONFIGURATION_CLASS_ATTRIBUTE = Conventions
		.getQualifiedAttributeName(ConfigurationClassPostProcessor.class, "configurationClass");

	private final ReloadScope scope;

	private final ReloadableBeans beans;

	/**
	 * Create an instance.
	 * @param scope the reload scope
	 * @param beans the record of reloadable beans to fill
	 */
	public ReloadScopeConfigurer(ReloadScope scope, ReloadableBeans beans) {
		Assert.notNull(scope, "'scope' must not be null");
		Assert.notNull(beans, "'beans' must not be null");
		this.scope = scope;
		this.beans = beans;
	}

	@Override
	public int getOrder() {
		// after ConfigurationClassPostProcessor has registered and enhanced everything
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) throws BeansException {
		beanFactory.registerScope(ReloadScope.NAME, this.scope);
		if (beanFactory instanceof DefaultListableBeanFactory listable) {
			listable.setAutowireCandidateResolver(new ReloadingAutowireCandidateResolver(
					listable.getAutowireCandidateResolver(), this.scope, this.beans, listable));
		}
		for (String name : beanFactory.getBeanDefinitionNames()) {
			classify(beanFactory, name, beanFactory.getBeanDefinition(name));
		}
		if (this.beans.hasRepositories()) {
			beanFactory.addBeanPostProcessor(new RepositoryProxyClassLoader(this.scope, this.beans));
		}
	}

	private void classify(ConfigurableListableBeanFactory beanFactory, String name, BeanDefinition definition) {
		if (ScopedProxies.isScopedProxy(definition)) {
			// Spring's proxy of a request- or session-scoped bean: rebuilt with its
			// target
			String target = ScopedProxies.targetBeanName(definition);
			String targetClass = (target != null && beanFactory.containsBeanDefinition(target))
					? userClassName(beanFactory.getBeanDefinition(target).getBeanClassName()) : null;
			if (targetClass != null && this.beans.isReloadableClass(targetClass)) {
				this.beans.registerBean(name, targetClass);
			}
			return;
		}
		String repository = SpringDataRepositories.repositoryInterface(definition, beanFactory.getBeanClassLoader());
		if (repository != null) {
			if (this.beans.isReloadableClass(repository)) {
				classifyRepository(beanFactory, name, definition, repository);
			}
			return;
		}
		if (definition.getFactoryMethodName() != null) {
			String factoryBean = definition.getFactoryBeanName();
			String factoryClass = (factoryBean != null && beanFactory.containsBeanDefinition(factoryBean))
					? userClassName(beanFactory.getBeanDefinition(factoryBean).getBeanClassName())
					: userClassName(definition.getBeanClassName());
			if (factoryClass != null && this.beans.isReloadableClass(factoryClass)) {
				this.beans.registerConfigurationClass(factoryClass);
			}
			return;
		}
		String className = userClassName(definition.getBeanClassName());
		if (className == null || !this.beans.isReloadableClass(className)) {
			return;
		}
		// every component is a "lite" configuration candidate; its @Bean methods, if any,
		// are recorded through the factory-method definitions above
		if ("full".equals(definition.getAttribute(CONFIGURATION_CLASS_ATTRIBUTE))) {
			this.beans.registerConfigurationClass(className);
			return;
		}
		// a prototype has no instance to replace, but its definition must name the new
		// class, or the next instance is of the replaced one
		// nor has a request- or session-scoped one; the next is made from the new class
		if (!definition.isAbstract()) {
			this.beans.registerBean(name, className);
		}
	}

	private void classifyRepository(ConfigurableListableBeanFactory beanFactory, String name, BeanDefinition definition,
			String repository) {
		this.beans.registerRepository(name, repository);
		Set<String> fragments = SpringDataRepositories.fragmentClasses(definition, beanFactory);
		if (!fragments.isEmpty()) {
			// its proxy is made of the fragments it was created with
			this.beans.registerHeldClass(repository, "a Spring Data repository with custom implementations");
			fragments.forEach((fragment) -> this.beans.registerHeldClass(fragment,
					"a custom implementation of the Spring Data repository " + repository));
		}
	}

	private static @Nullable String userClassName(@Nullable String className) {
		if (className == null) {
			return null;
		}
		int cglib = className.indexOf(ClassUtils.CGLIB_CLASS_SEPARATOR);
		return (cglib > 0) ? className.substring(0, cglib) : className;
	}

}
