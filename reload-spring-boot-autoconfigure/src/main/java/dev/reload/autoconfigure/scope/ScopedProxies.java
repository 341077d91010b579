package dev.reload.autoconfigure.scope;

import java.lang.reflect.Modifier;

import org.jspecify.annotations.Nullable;

import org.springframework.aop.framework.AopInfrastructureBean;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.scope.DefaultScopedObject;
import org.springframework.aop.scope.ScopedProxyFactoryBean;
import org.springframework.aop.support.DelegatingIntroductionInterceptor;
import org.springframework.aop.target.SimpleBeanTargetSource;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.beans.factory.config.Scope;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.util.ClassUtils;

/**
 * Rebuilds the scoped proxy of a request- or session-scoped bean whose class changes.
 * Spring's proxy ({@link ScopedProxyFactoryBean}) is a subclass of the class it was
 * created for, so a consumer of the new class could not be given it; the new proxy is
 * made the same way for the new class, and reaches the target bean by name on each call,
 * as Spring's does. An instance of the replaced class still in a session is replaced by
 * one of the new class on its next use.
 *
 * @author reload-spring-boot
 */
final class ScopedProxies {

	private ScopedProxies() {
	}

	/**
	 * Return whether a definition is Spring's scoped proxy of another bean.
	 */
	static boolean isScopedProxy(BeanDefinition definition) {
		return ScopedProxyFactoryBean.class.getName().equals(definition.getBeanClassName());
	}

	/**
	 * Return the name of the bean a scoped proxy's definition stands for.
	 */
	static @Nullable String targetBeanName(BeanDefinition definition) {
		Object name = definition.getPropertyValues().get("targetBeanName");
		return (name instanceof String text) ? text : null;
	}

	/**
	 * Return the definition of the proxy for the new class, in the place of Spring's.
	 * @param existing the proxy's definition
	 * @param targetClass the target's new class
	 * @param beanFactory the bean factory
	 * @return the definition
	 */
	static RootBeanDefinition definition(BeanDefinition existing, Class<?> targetClass,
			ConfigurableBeanFactory beanFactory) {
		String targetBeanName = targetBeanName(existing);
		// Spring's proxy subclasses the target unless told to use its interfaces
		boolean proxyTargetClass = !Boolean.FALSE.equals(existing.getPropertyValues().get("proxyTargetClass"));
		RootBeanDefinition definition = new RootBeanDefinition(targetClass);
		definition.setInstanceSupplier(() -> create(beanFactory, targetBeanName, targetClass, proxyTargetClass));
		definition.setAutowireCandidate(existing.isAutowireCandidate());
		definition.setPrimary(existing.isPrimary());
		definition.setRole(existing.getRole());
		definition.setScope(BeanDefinition.SCOPE_SINGLETON);
		return definition;
	}

	private static Object create(ConfigurableBeanFactory beanFactory, @Nullable String targetBeanName,
			Class<?> targetClass, boolean proxyTargetClass) {
		CurrentClassTargetSource targetSource = new CurrentClassTargetSource(targetClass);
		targetSource.setTargetBeanName(targetBeanName);
		targetSource.setBeanFactory(beanFactory);
		ProxyFactory factory = new ProxyFactory();
		factory.setTargetSource(targetSource);
		factory.setProxyTargetClass(proxyTargetClass);
		if (!proxyTargetClass || targetClass.isInterface() || Modifier.isPrivate(targetClass.getModifiers())) {
			factory.setInterfaces(ClassUtils.getAllInterfacesForClass(targetClass, beanFactory.getBeanClassLoader()));
		}
		factory.addAdvice(new DelegatingIntroductionInterceptor(
				new DefaultScopedObject(beanFactory, (targetBeanName != null) ? targetBeanName : "")));
		factory.addInterface(AopInfrastructureBean.class);
		return factory.getProxy(targetClass.getClassLoader());
	}

	/**
	 * The scoped target by name, of the new class: one of the replaced class that a
	 * session still holds is dropped from its scope and created anew.
	 */
	private static final class CurrentClassTargetSource extends SimpleBeanTargetSource {

		private final Class<?> targetClass;

		CurrentClassTargetSource(Class<?> targetClass) {
			this.targetClass = targetClass;
		}

		@Override
		public Class<?> getTargetClass() {
			return this.targetClass;
		}

		@Override
		public Object getTarget() throws Exception {
			Object target = super.getTarget();
			if (this.targetClass.isInstance(target)) {
				return target;
			}
			ConfigurableBeanFactory beanFactory = (ConfigurableBeanFactory) getBeanFactory();
			String scopeName = beanFactory.getMergedBeanDefinition(getTargetBeanName()).getScope();
			Scope scope = beanFactory.getRegisteredScope(scopeName);
			if (scope != null) {
				scope.remove(getTargetBeanName());
			}
			return super.getTarget();
		}

	}

}
