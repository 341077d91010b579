package dev.reload.autoconfigure.scope;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.reload.autoconfigure.change.ConfigurationClassChange;
import dev.reload.autoconfigure.change.ConfigurationClassChange.AddedBeanMethod;
import dev.reload.autoconfigure.classloader.GenerationClassLoader;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.ConfigurationClassPostProcessor;
import org.springframework.core.Conventions;
import org.springframework.util.ClassUtils;

/**
 * What a change of configuration classes rebuilds in place, or why it cannot: the
 * configuration bean, made of the new class, the beans of its {@code @Bean} methods whose
 * code changed, those of its new plain {@code @Bean} methods, those of its removed ones,
 * and what was given them. A bean of a {@code @Bean} method is rebuilt, added or removed
 * in place only when everything that holds it is rebuilt too: it must be an instance of
 * application classes (a framework finds its beans by framework types, at start-up,
 * without an injection point a reload could see), and every bean Spring recorded as
 * depending on it must be one a reload rebuilds. Anything else restarts.
 *
 * @author reload-spring-boot
 */
public final class ConfigurationRebuild {

	static final String CONFIGURATION_CLASS_ATTRIBUTE = Conventions
		.getQualifiedAttributeName(ConfigurationClassPostProcessor.class, "configurationClass");

	/**
	 * Supertypes that say nothing of what a bean is for, and the callbacks Spring calls
	 * on every instance it creates, a rebuilt one too.
	 */
	private static final Set<String> PLAIN_TYPES = Set.of("java.lang.Object", "java.lang.Record", "java.lang.Enum",
			"java.io.Serializable", "java.lang.Cloneable", "java.lang.Comparable", "java.lang.constant.Constable",
			"java.lang.constant.ConstantDesc", "org.springframework.beans.factory.Aware",
			"org.springframework.beans.factory.BeanNameAware", "org.springframework.beans.factory.BeanFactoryAware",
			"org.springframework.beans.factory.BeanClassLoaderAware",
			"org.springframework.context.ApplicationContextAware", "org.springframework.context.EnvironmentAware",
			"org.springframework.context.ResourceLoaderAware", "org.springframework.context.annotation.ImportAware",
			"org.springframework.beans.factory.InitializingBean", "org.springframework.beans.factory.DisposableBean");

	private final Map<String, String> refusals;

	private final List<Plan> plans;

	private ConfigurationRebuild(Map<String, String> refusals, List<Plan> plans) {
		this.refusals = refusals;
		this.plans = plans;
	}

	static ConfigurationRebuild none() {
		return new ConfigurationRebuild(Map.of(), List.of());
	}

	/**
	 * Return the configuration classes whose change cannot be applied in place, each with
	 * the reason.
	 * @return the reasons, by class name
	 */
	public Map<String, String> refusals() {
		return this.refusals;
	}

	List<Plan> plans() {
		return this.plans;
	}

	/**
	 * Plan the rebuild of the given configuration classes.
	 */
	static ConfigurationRebuild plan(DefaultListableBeanFactory beanFactory, ReloadableBeans beans,
			Map<String, ConfigurationClassChange> changes, Set<String> affectedClasses) {
		Map<String, String> refusals = new TreeMap<>();
		List<Plan> plans = new java.util.ArrayList<>();
		changes.forEach((className, change) -> {
			Planner planner = new Planner(beanFactory, beans, className, change, affectedClasses);
			String refusal = planner.plan();
			if (refusal != null) {
				refusals.put(className, refusal);
			}
			else {
				plans.add(planner.result());
			}
		});
		return new ConfigurationRebuild(refusals, plans);
	}

	/**
	 * What one configuration class's change rebuilds.
	 *
	 * @param configurationClass the configuration class
	 * @param configurationBean the bean made of it, rebuilt from the new class
	 * @param proxied whether its class is enhanced ({@code proxyBeanMethods})
	 * @param beanMethodBeans the beans of {@code @Bean} methods to rebuild, of this class
	 * or another, from copies of their definitions
	 * @param components the component beans to rebuild because they were given one of
	 * them
	 * @param refreshed the beans of its other {@code @Bean} methods, which keep their
	 * instances but are made of the new class from now on
	 * @param addedBeans the beans of its new {@code @Bean} methods, by bean name
	 * @param removedBeans the beans of its removed {@code @Bean} methods
	 */
	record Plan(String configurationClass, String configurationBean, boolean proxied, Set<String> beanMethodBeans,
			Set<String> components, Set<String> refreshed, Map<String, AddedBeanMethod> addedBeans,
			Set<String> removedBeans) {

	}

	private static final class Planner {

		private final DefaultListableBeanFactory beanFactory;

		private final ReloadableBeans beans;

		private final String className;

		private final ConfigurationClassChange change;

		private final Set<String> affectedClasses;

		private @Nullable Plan result;

		Planner(DefaultListableBeanFactory beanFactory, ReloadableBeans beans, String className,
				ConfigurationClassChange change, Set<String> affectedClasses) {
			this.beanFactory = beanFactory;
			this.beans = beans;
			this.className = className;
			this.change = change;
			this.affectedClasses = affectedClasses;
		}

		Plan result() {
			Plan plan = this.result;
			if (plan == null) {
				throw new IllegalStateException("No plan for " + this.className);
			}
			return plan;
		}

		@Nullable String plan() {
			String refusal = this.change.refusal();
			if (refusal != null) {
				return refusal;
			}
			if (this.change.hasStaticBeanMethods()) {
				return "it has static @Bean methods, whose definitions hold its class";
			}
			List<String> configurationBeans = configurationBeans();
			if (configurationBeans.size() != 1) {
				return configurationBeans.isEmpty() ? "no bean is made of it"
						: "beans " + configurationBeans + " are made of it";
			}
			String configurationBean = configurationBeans.get(0);
			Class<?> configurationType = this.beanFactory.getType(configurationBean, false);
			String held = (configurationType != null)
					? frameworkTypeRefusal(configurationBean, configurationType, this.beans) : null;
			if (held != null) {
				return held;
			}
			boolean proxied = "full".equals(
					this.beanFactory.getBeanDefinition(configurationBean).getAttribute(CONFIGURATION_CLASS_ATTRIBUTE));
			Map<String, Set<String>> byMethod = beanMethodBeans(configurationBean);
			Set<String> changedMethods = this.change.changedBeanMethods(this.affectedClasses, proxied);
			Map<String, AddedBeanMethod> addedMethods = this.change.addedBeanMethods();
			if (proxied) {
				Set<String> called = new TreeSet<>(changedMethods);
				called.addAll(addedMethods.keySet());
				Map<String, Set<String>> callers = this.change.callersOf(called);
				if (!callers.isEmpty()) {
					return "its @Bean methods " + callers + " call changed or new ones, and its proxy would answer "
							+ "with the beans being replaced, or none";
				}
			}
			Map<String, AddedBeanMethod> added = new TreeMap<>();
			for (AddedBeanMethod method : addedMethods.values()) {
				if (method.beanNames().size() > 1) {
					return "its new @Bean method " + method.methodName() + " gives its bean aliases";
				}
				String name = method.beanNames().isEmpty() ? method.methodName() : method.beanNames().get(0);
				if (this.beanFactory.containsBeanDefinition(name) || this.beanFactory.isAlias(name)) {
					return "its new @Bean method " + method.methodName() + " would replace bean '" + name + "'";
				}
				added.put(name, method);
			}
			Set<String> removed = new TreeSet<>();
			this.change.removedBeanMethods()
				.forEach((method) -> removed.addAll(byMethod.getOrDefault(method, Set.of())));
			Set<String> rebuilt = new LinkedHashSet<>();
			changedMethods.forEach((method) -> rebuilt.addAll(byMethod.getOrDefault(method, Set.of())));
			Set<String> components = new TreeSet<>();
			Set<String> own = new LinkedHashSet<>();
			byMethod.values().forEach(own::addAll);
			for (String dependent : this.beanFactory.getDependentBeans(configurationBean)) {
				// what was given the configuration bean itself, which is replaced
				if (own.contains(dependent) || !this.beanFactory.containsBeanDefinition(dependent)) {
					continue;
				}
				if (this.beans.isReloadableBean(dependent)) {
					components.add(dependent);
				}
				else if (isBeanMethodBeanOfReloadableClass(dependent)) {
					rebuilt.add(dependent);
				}
				else {
					return "bean '" + dependent + "', which a reload does not rebuild, was given bean '"
							+ configurationBean + "'";
				}
			}
			String refused = consumers(rebuilt, removed, components);
			if (refused != null) {
				return refused;
			}
			Set<String> refreshed = new TreeSet<>(own);
			refreshed.removeAll(rebuilt);
			refreshed.removeAll(removed);
			this.result = new Plan(this.className, configurationBean, proxied, rebuilt, components, refreshed, added,
					removed);
			return null;
		}

		private List<String> configurationBeans() {
			List<String> names = new java.util.ArrayList<>();
			for (String name : this.beanFactory.getBeanDefinitionNames()) {
				BeanDefinition definition = this.beanFactory.getBeanDefinition(name);
				if (definition.getFactoryMethodName() == null
						&& this.className.equals(userClassName(definition.getBeanClassName()))) {
					names.add(name);
				}
			}
			return names;
		}

		/** The beans of each {@code @Bean} method of the named configuration bean. */
		private Map<String, Set<String>> beanMethodBeans(String configurationBean) {
			Map<String, Set<String>> byMethod = new LinkedHashMap<>();
			for (String name : this.beanFactory.getBeanDefinitionNames()) {
				BeanDefinition definition = this.beanFactory.getBeanDefinition(name);
				if (configurationBean.equals(definition.getFactoryBeanName())
						&& definition.getFactoryMethodName() != null) {
					byMethod.computeIfAbsent(definition.getFactoryMethodName(), (method) -> new TreeSet<>()).add(name);
				}
			}
			return byMethod;
		}

		/**
		 * Follow what was given the rebuilt beans, adding those a reload rebuilds.
		 * @return why one cannot be rebuilt, or {@code null}
		 */
		private @Nullable String consumers(Set<String> rebuilt, Set<String> removed, Set<String> components) {
			Deque<String> queue = new ArrayDeque<>(rebuilt);
			queue.addAll(removed);
			queue.addAll(components);
			Set<String> seen = new LinkedHashSet<>(queue);
			while (!queue.isEmpty()) {
				String name = queue.pop();
				boolean beanMethodBean = rebuilt.contains(name) || removed.contains(name);
				if (beanMethodBean) {
					String refusal = rebuildable(name);
					if (refusal != null) {
						return refusal;
					}
				}
				for (String dependent : this.beanFactory.getDependentBeans(name)) {
					if (!seen.add(dependent) || !this.beanFactory.containsBeanDefinition(dependent)) {
						continue;
					}
					if (this.beans.isReloadableBean(dependent)) {
						components.add(dependent);
						queue.add(dependent);
					}
					else if (isBeanMethodBeanOfReloadableClass(dependent)) {
						rebuilt.add(dependent);
						queue.add(dependent);
					}
					else if (beanMethodBean) {
						return "bean '" + dependent + "', which a reload does not rebuild, was given bean '" + name
								+ "'";
					}
				}
			}
			return null;
		}

		private @Nullable String rebuildable(String name) {
			BeanDefinition definition = this.beanFactory.getBeanDefinition(name);
			if (!definition.isSingleton() && !definition.isPrototype()) {
				return "bean '" + name + "' is " + definition.getScope() + "-scoped";
			}
			if (definition instanceof RootBeanDefinition root && root.getResolvedFactoryMethod() != null) {
				return "the definition of bean '" + name + "' holds its @Bean method";
			}
			Object instance = this.beanFactory.containsSingleton(name) ? this.beanFactory.getSingleton(name) : null;
			Class<?> type = (instance != null) ? instance.getClass() : this.beanFactory.getType(name, false);
			if (type == null) {
				return "the type of bean '" + name + "' is not known";
			}
			return frameworkTypeRefusal(name, type, this.beans);
		}

		private boolean isBeanMethodBeanOfReloadableClass(String name) {
			BeanDefinition definition = this.beanFactory.getBeanDefinition(name);
			String factoryBean = definition.getFactoryBeanName();
			if (factoryBean == null || definition.getFactoryMethodName() == null
					|| !this.beanFactory.containsBeanDefinition(factoryBean)) {
				return false;
			}
			String factoryClass = userClassName(this.beanFactory.getBeanDefinition(factoryBean).getBeanClassName());
			return factoryClass != null && this.beans.isConfigurationClass(factoryClass);
		}

	}

	/**
	 * Return why the named bean, of the given type, cannot be rebuilt in place, if it is
	 * of a type that is not the application's.
	 */
	static @Nullable String frameworkTypeRefusal(String name, Class<?> type, ReloadableBeans beans) {
		// a CGLIB proxy's class stands for its superclass; a lambda's for its interface
		Class<?> userType = type.isHidden() ? type : ClassUtils.getUserClass(type);
		Set<Class<?>> types = new LinkedHashSet<>();
		for (Class<?> current = userType; current != null; current = current.getSuperclass()) {
			types.add(current);
		}
		types.addAll(ClassUtils.getAllInterfacesForClassAsSet(userType));
		for (Class<?> candidate : types) {
			String typeName = candidate.getName();
			// a lambda's class says nothing; the interface it implements does
			if (!candidate.isHidden() && !PLAIN_TYPES.contains(typeName) && !beans.isReloadableClass(typeName)
					&& !(candidate.getClassLoader() instanceof GenerationClassLoader)) {
				return "bean '" + name + "' is a " + typeName
						+ ", which the framework may have looked up and kept at start-up";
			}
		}
		return null;
	}

	/**
	 * A configuration class's change found, once its new beans were built, to need a
	 * restart.
	 */
	public static final class RefusedException extends RuntimeException {

		private final String className;

		private final String reason;

		RefusedException(String className, String reason) {
			super("Configuration class " + className + " cannot be rebuilt in place: " + reason);
			this.className = className;
			this.reason = reason;
		}

		/**
		 * Return the configuration class.
		 * @return the class name
		 */
		public String className() {
			return this.className;
		}

		/**
		 * Return why its change cannot be applied in place.
		 * @return the reason
		 */
		public String reason() {
			return this.reason;
		}

	}

	static @Nullable String userClassName(@Nullable String className) {
		if (className == null) {
			return null;
		}
		int cglib = className.indexOf(ClassUtils.CGLIB_CLASS_SEPARATOR);
		return (cglib > 0) ? className.substring(0, cglib) : className;
	}

}
