package dev.reload.autoconfigure.scope;

import dev.reload.BeanSwap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.reload.autoconfigure.change.ConfigurationClassChange;
import dev.reload.autoconfigure.classloader.GenerationClassLoader;
import dev.reload.autoconfigure.scope.ReloadScope.Staging;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.FactoryBean;
import org.springframework.beans.factory.annotation.AnnotatedGenericBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.context.annotation.AnnotationConfigUtils;
import org.springframework.core.env.Environment;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;

/**
 * Builds the beans a new class generation affects, completely and under staging names,
 * before anything is switched: the beans built from an affected class, and new
 * components. A failure discards everything built; a success is switched in by
 * {@link PreparedRebuild#commit()}.
 *
 * @author reload-spring-boot
 */
public final class BeanRebuilder {

	private static final Log logger = LogFactory.getLog(BeanRebuilder.class);

	private final DefaultListableBeanFactory beanFactory;

	private final ReloadScope scope;

	private final Environment environment;

	private final ReloadableBeans beans;

	private final ComponentCandidates components;

	private final BeanDefinitionCaches definitionCaches;

	private final SingletonRegistry registry;

	/**
	 * Create an instance.
	 * @param beanFactory the application's bean factory
	 * @param scope the reload scope
	 * @param beans the reloadable beans
	 * @param environment the environment that component conditions are evaluated against
	 * @param basePackages the packages component scanning covers; empty for any
	 */
	public BeanRebuilder(DefaultListableBeanFactory beanFactory, ReloadScope scope, ReloadableBeans beans,
			Environment environment, List<String> basePackages) {
		Assert.notNull(beanFactory, "'beanFactory' must not be null");
		Assert.notNull(scope, "'scope' must not be null");
		Assert.notNull(beans, "'beans' must not be null");
		this.beanFactory = beanFactory;
		this.scope = scope;
		this.beans = beans;
		this.environment = environment;
		this.definitionCaches = new BeanDefinitionCaches(beanFactory);
		this.registry = new SingletonRegistry(beanFactory);
		this.components = new ComponentCandidates(environment,
				new DefaultResourceLoader(beanFactory.getBeanClassLoader()), basePackages);
	}

	/**
	 * Plan the rebuild of changed configuration classes, before anything is built.
	 * @param changes what changed in each configuration class among the affected ones
	 * @param affectedClasses the classes a reload redefines
	 * @return the plan, with the classes whose change cannot be applied in place
	 */
	public ConfigurationRebuild planConfigurations(Map<String, ConfigurationClassChange> changes,
			Set<String> affectedClasses) {
		if (changes.isEmpty()) {
			return ConfigurationRebuild.none();
		}
		return ConfigurationRebuild.plan(this.beanFactory, this.beans, changes, affectedClasses);
	}

	/**
	 * Build every bean the new generation affects.
	 * @param generation the staged generation
	 * @param affectedClasses the classes the generation redefines
	 * @param addedClasses the class files that are new, by class name
	 * @param removedClasses the classes whose class files are gone
	 * @param configurations what the changed configuration classes rebuild, as
	 * {@link #planConfigurations} planned it, without refusals
	 * @param frameworkBeans framework beans to build again from copies of their
	 * definitions, as what they are made of is rebuilt (Spring Data's mapping context of
	 * a rebuilt persistence unit); the rebuilt beans that name one get the new one
	 * @return the built beans, ready to switch in
	 * @throws BeanRebuildException if a bean could not be built; nothing is left behind
	 */
	public PreparedRebuild prepare(GenerationClassLoader generation, Set<String> affectedClasses,
			Map<String, byte[]> addedClasses, Set<String> removedClasses, ConfigurationRebuild configurations,
			Set<String> frameworkBeans) {
		Assert.isTrue(configurations.refusals().isEmpty(),
				"Configuration classes refused: " + configurations.refusals().keySet());
		Set<String> removedBeans = new TreeSet<>(this.beans.beansOf(removedClasses));
		Map<String, AbstractBeanDefinition> definitions = new LinkedHashMap<>();
		// a lazy bean that was never created is not created by a reload either
		Set<String> toBuild = new LinkedHashSet<>();
		// configuration beans and those of @Bean methods: rebuilt, but not recorded as
		// reloadable beans, whose consumers get proxies
		Set<String> notReloadable = new LinkedHashSet<>();
		Set<String> refreshed = new LinkedHashSet<>();
		Set<Class<?>> addedTypes = new HashSet<>();
		for (ConfigurationRebuild.Plan plan : configurations.plans()) {
			String configurationBean = plan.configurationBean();
			definitions.put(configurationBean, configurationDefinition(generation, plan));
			notReloadable.add(configurationBean);
			plan.beanMethodBeans().forEach((name) -> {
				// a copy of what Spring read from the @Bean method, which names the
				// method, not the class it was resolved on
				definitions.put(name,
						((AbstractBeanDefinition) this.beanFactory.getBeanDefinition(name)).cloneBeanDefinition());
				notReloadable.add(name);
			});
			plan.components()
				.forEach((name) -> definitions.computeIfAbsent(name, (component) -> definition(generation, component,
						this.beans.classNameOf(component), this.beanFactory.getBeanDefinition(component))));
			refreshed.addAll(plan.refreshed());
			plan.addedBeans().forEach((name, method) -> {
				definitions.put(name, addedBeanMethodDefinition(configurationBean, method));
				notReloadable.add(name);
				addedTypes.add(loadType(generation, method.returnType()));
			});
			removedBeans.addAll(plan.removedBeans());
			notReloadable.addAll(plan.removedBeans());
		}
		for (String name : frameworkBeans) {
			definitions.put(name,
					((AbstractBeanDefinition) this.beanFactory.getBeanDefinition(name)).cloneBeanDefinition());
			notReloadable.add(name);
		}
		// a consumer of a removed @Bean method's bean may be removed with it
		definitions.keySet().removeAll(removedBeans);
		definitions.keySet().stream().filter(this.beanFactory::containsSingleton).forEach(toBuild::add);
		// a plain @Bean method's bean is an eager singleton
		configurations.plans().forEach((plan) -> toBuild.addAll(plan.addedBeans().keySet()));
		for (String name : this.beans.beansOf(affectedClasses)) {
			if (!removedBeans.contains(name)) {
				definitions.put(name, definition(generation, name, this.beans.classNameOf(name),
						this.beanFactory.getBeanDefinition(name)));
				if (this.beanFactory.containsSingleton(name)) {
					toBuild.add(name);
				}
			}
		}
		addedClasses.forEach((className, bytes) -> {
			if (this.components.isComponent(className, bytes)) {
				// a new bean: no definition to keep anything of, so no name is needed yet
				AbstractBeanDefinition definition = definition(generation, className, className, null);
				String name = AnnotationBeanNameGenerator.INSTANCE.generateBeanName(definition, this.beanFactory);
				if (!this.beanFactory.containsBeanDefinition(name)) {
					definitions.put(name, definition);
					if (!definition.isLazyInit()) {
						toBuild.add(name);
					}
				}
			}
		});
		TypeCacheRestore typeCaches = new TypeCacheRestore(
				new ChangedTypes(affectedClasses, beanClasses(definitions, removedBeans, addedTypes)));
		Staging staging = this.scope.beginStaging(definitions.keySet());
		try {
			definitions.forEach((name, definition) -> {
				AbstractBeanDefinition staged = definition.cloneBeanDefinition();
				// a prototype stays one: a new instance for each consumer that is built
				staged.setScope(definition.isPrototype() ? BeanDefinition.SCOPE_PROTOTYPE : ReloadScope.NAME);
				String factoryBean = staged.getFactoryBeanName();
				if (factoryBean != null && definitions.containsKey(factoryBean)) {
					// a @Bean method of the rebuilt configuration, not of the one it
					// replaces
					staged.setFactoryBeanName(staging.stagingName(factoryBean));
				}
				StagedReferences.redirect(staged, definitions.keySet(), staging::stagingName);
				this.beanFactory.registerBeanDefinition(staging.stagingName(name), staged);
			});
			typeCaches.run();
			for (String name : toBuild) {
				build(staging, name);
			}
			verifyBeanMethodTypes(staging, configurations);
		}
		catch (RuntimeException | LinkageError ex) {
			this.scope.discard(staging);
			removeStagingDefinitions(staging, definitions.keySet());
			typeCaches.run();
			throw ex;
		}
		finally {
			this.scope.endStaging();
		}
		return new PreparedRebuild(staging, definitions, removedBeans, typeCaches, notReloadable, refreshed);
	}

	/**
	 * Refuse the rebuilt and new beans of {@code @Bean} methods that are not instances of
	 * the application's classes: a framework may look them up, where no reload sees it.
	 */
	private void verifyBeanMethodTypes(Staging staging, ConfigurationRebuild configurations) {
		for (ConfigurationRebuild.Plan plan : configurations.plans()) {
			Set<String> names = new LinkedHashSet<>(plan.beanMethodBeans());
			names.addAll(plan.addedBeans().keySet());
			for (String name : names) {
				Object built = staging.built(name);
				String refusal = (built != null)
						? ConfigurationRebuild.frameworkTypeRefusal(name, built.getClass(), this.beans) : null;
				if (refusal != null) {
					throw new ConfigurationRebuild.RefusedException(plan.configurationClass(), refusal);
				}
			}
		}
	}

	/**
	 * Return the definition Spring gives the bean of a plain {@code @Bean} method.
	 */
	private static AbstractBeanDefinition addedBeanMethodDefinition(String configurationBean,
			ConfigurationClassChange.AddedBeanMethod method) {
		RootBeanDefinition definition = new RootBeanDefinition();
		definition.setFactoryBeanName(configurationBean);
		definition.setUniqueFactoryMethodName(method.methodName());
		definition.setAutowireMode(AbstractBeanDefinition.AUTOWIRE_CONSTRUCTOR);
		definition.setAutowireCandidate(method.autowireCandidate());
		definition.setDefaultCandidate(method.defaultCandidate());
		if (!method.initMethod().isEmpty()) {
			definition.setInitMethodName(method.initMethod());
		}
		definition.setDestroyMethodName(method.destroyMethod());
		return definition;
	}

	private static Class<?> loadType(GenerationClassLoader generation, String className) {
		try {
			return ClassUtils.forName(className, generation);
		}
		catch (ClassNotFoundException | LinkageError ex) {
			throw new BeanRebuildException("Class " + className + " could not be loaded: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Return the definition of a configuration bean made of the new class: enhanced as
	 * Spring enhanced the one it replaces, with the attributes Spring gave that one.
	 */
	private AbstractBeanDefinition configurationDefinition(GenerationClassLoader generation,
			ConfigurationRebuild.Plan plan) {
		BeanDefinition existing = this.beanFactory.getBeanDefinition(plan.configurationBean());
		AbstractBeanDefinition definition = definition(generation, plan.configurationBean(), plan.configurationClass(),
				existing);
		for (String attribute : existing.attributeNames()) {
			Object value = existing.getAttribute(attribute);
			if (value instanceof String || value instanceof Boolean || value instanceof Number) {
				definition.setAttribute(attribute, value);
			}
		}
		if (plan.proxied()) {
			definition.setBeanClass(EnhancedConfigurationClass.of(definition.getBeanClass(), generation));
		}
		return definition;
	}

	private Set<Class<?>> beanClasses(Map<String, AbstractBeanDefinition> definitions, Set<String> removedBeans,
			Set<Class<?>> addedTypes) {
		Set<Class<?>> classes = new HashSet<>(addedTypes);
		definitions.forEach((name, definition) -> {
			if (definition.hasBeanClass()) {
				classes.add(definition.getBeanClass());
			}
			addCurrentClass(name, classes);
		});
		removedBeans.forEach((name) -> addCurrentClass(name, classes));
		return classes;
	}

	private void addCurrentClass(String name, Set<Class<?>> classes) {
		if (this.beanFactory.containsBeanDefinition(name)) {
			Class<?> current = this.beanFactory.getType(name, false);
			if (current != null) {
				classes.add(current);
			}
		}
	}

	private void build(Staging staging, String name) {
		try {
			this.beanFactory.getBean(staging.stagingName(name));
		}
		catch (RuntimeException | LinkageError ex) {
			// name the bean that failed, not the first one that needed it
			String failed = name;
			Throwable cause = ex;
			for (Throwable current = ex; current != null; current = current.getCause()) {
				if (current instanceof BeanCreationException creation && creation.getBeanName() != null
						&& staging.isStagingName(creation.getBeanName())) {
					failed = staging.lastingName(creation.getBeanName());
					cause = (creation.getCause() != null) ? creation.getCause() : creation;
				}
			}
			String className = this.beans.isReloadableBean(failed) ? this.beans.classNameOf(failed)
					: this.beanFactory.getBeanDefinition(staging.stagingName(failed)).getBeanClassName();
			throw new BeanRebuildException(failed, className, failed.equals(name) ? null : name, cause, ex);
		}
	}

	private AbstractBeanDefinition definition(GenerationClassLoader generation, String beanName, String className,
			@Nullable BeanDefinition existing) {
		Class<?> beanClass;
		try {
			beanClass = generation.loadClass(className);
		}
		catch (ClassNotFoundException ex) {
			throw new BeanRebuildException("Class " + className + " could not be loaded: " + ex.getMessage(), ex);
		}
		if (existing != null && ScopedProxies.isScopedProxy(existing)) {
			return ScopedProxies.definition(existing, beanClass, this.beanFactory);
		}
		if (existing != null && this.beans.isRepository(beanName)) {
			return SpringDataRepositories.definition(existing, beanClass);
		}
		AnnotatedGenericBeanDefinition definition = new AnnotatedGenericBeanDefinition(beanClass);
		AnnotationConfigUtils.processCommonDefinitionAnnotations(definition);
		if (existing instanceof AbstractBeanDefinition previous) {
			definition.setScope(previous.getScope());
			definition.setRole(previous.getRole());
			definition.setAutowireCandidate(previous.isAutowireCandidate());
			definition.setPropertyValues(previous.getPropertyValues());
			definition.setConstructorArgumentValues(previous.getConstructorArgumentValues());
			definition.setInitMethodNames(previous.getInitMethodNames());
			definition.setDestroyMethodNames(previous.getDestroyMethodNames());
			ConfigurationPropertiesBinding.keep(definition, previous, beanName, beanClass, this.environment);
		}
		return definition;
	}

	/**
	 * Return the class a bean is rebuilt from on the next reload: the one it was
	 * registered with, which for a repository or a scoped proxy is not its definition's
	 * bean class (a factory bean).
	 */
	private String reloadableClassName(String name, @Nullable BeanDefinition definition) {
		if (this.beans.isReloadableBean(name)) {
			return this.beans.classNameOf(name);
		}
		BeanDefinition current = (definition != null) ? definition : this.beanFactory.getBeanDefinition(name);
		return String.valueOf(current.getBeanClassName());
	}

	private @Nullable Object current(String name) {
		return this.beanFactory.containsSingleton(name) ? this.beanFactory.getSingleton(name) : null;
	}

	private static Map<String, String> without(Map<String, String> registered, Set<String> names) {
		Map<String, String> kept = new LinkedHashMap<>(registered);
		kept.keySet().removeAll(names);
		return kept;
	}

	private static @Nullable DisposableBean destruction(@Nullable Runnable callback) {
		if (callback == null) {
			return null;
		}
		// Spring's DisposableBeanAdapter, handed to the scope as a Runnable
		return (callback instanceof DisposableBean disposable) ? disposable : callback::run;
	}

	private static void addIfPresent(List<DisposableBean> retired, @Nullable DisposableBean destruction) {
		if (destruction != null) {
			retired.add(destruction);
		}
	}

	private static void destroyQuietly(DisposableBean destruction) {
		try {
			destruction.destroy();
		}
		catch (Exception ex) {
			logger.warn("Destruction of a replaced bean failed", ex);
		}
	}

	private void removeStagingDefinitions(Staging staging, Set<String> names) {
		List<String> stagingNames = new ArrayList<>();
		for (String name : names) {
			String stagingName = staging.stagingName(name);
			if (this.beanFactory.containsBeanDefinition(stagingName)) {
				this.beanFactory.removeBeanDefinition(stagingName);
			}
			stagingNames.add(stagingName);
		}
		this.definitionCaches.forgetMergedDefinitions(stagingNames);
	}

	/**
	 * The beans of a new generation, built and waiting to be switched in.
	 */
	public final class PreparedRebuild {

		private final Staging staging;

		private final Map<String, AbstractBeanDefinition> definitions;

		private final Set<String> removedBeans;

		private final TypeCacheRestore typeCaches;

		private final Set<String> notReloadable;

		private final Set<String> refreshed;

		private PreparedRebuild(Staging staging, Map<String, AbstractBeanDefinition> definitions,
				Set<String> removedBeans, TypeCacheRestore typeCaches, Set<String> notReloadable,
				Set<String> refreshed) {
			this.staging = staging;
			this.definitions = definitions;
			this.removedBeans = removedBeans;
			this.typeCaches = typeCaches;
			this.notReloadable = notReloadable;
			this.refreshed = refreshed;
		}

		/**
		 * Return the names of the beans rebuilt, added and removed.
		 * @return the bean names, sorted
		 */
		public Set<String> beanNames() {
			Set<String> names = new TreeSet<>(this.definitions.keySet());
			names.addAll(this.removedBeans);
			return names;
		}

		/**
		 * Return each bean this rebuild replaces, adds or removes.
		 * @return the swaps
		 */
		public List<BeanSwap> swaps() {
			List<BeanSwap> swaps = new ArrayList<>();
			this.definitions.keySet()
				.forEach((name) -> swaps
					.add(new BeanSwap(name, BeanRebuilder.this.current(name), this.staging.built(name))));
			this.removedBeans.forEach((name) -> swaps.add(new BeanSwap(name, BeanRebuilder.this.current(name), null)));
			return swaps;
		}

		/**
		 * Switch the new beans in as the singletons they replace, with their definitions.
		 * @return what destroys the replaced and removed beans once they are idle, and
		 * what undoes the switch
		 */
		public Committed commit() {
			DefaultListableBeanFactory beanFactory = BeanRebuilder.this.beanFactory;
			SingletonRegistry registry = BeanRebuilder.this.registry;
			Map<String, Set<String>> dependencies = new LinkedHashMap<>();
			this.definitions.keySet().forEach((name) -> dependencies.put(name, dependenciesOf(name)));
			Map<String, Previous> previous = new LinkedHashMap<>();
			Map<String, String> registered = new LinkedHashMap<>();
			registry.atomically(() -> {
				this.definitions.forEach((name, definition) -> {
					Object built = this.staging.built(name);
					DisposableBean destruction = destruction(this.staging.destructionCallback(name));
					if (beanFactory.containsBeanDefinition(name)) {
						Previous replaced = Previous.of(beanFactory, name, reloadableClassName(name, null));
						previous.put(name, replaced.withDestruction(
								registry.replace(name, definition, built, destruction, dependencies.get(name))));
					}
					else {
						registry.register(name, definition, built, destruction, dependencies.get(name));
					}
					registered.put(name, reloadableClassName(name, definition));
				});
				for (String name : this.removedBeans) {
					Previous removed = Previous.of(beanFactory, name, reloadableClassName(name, null));
					previous.put(name, removed.withDestruction(registry.remove(name)));
				}
			});
			BeanRebuilder.this.beans.rebuilt(without(registered, this.notReloadable), this.removedBeans,
					this.typeCaches.changed);
			removeStagingDefinitions(this.staging, this.definitions.keySet());
			// a factory bean's product is post-processed (proxied for @Cacheable, say)
			// once
			// per name: now, where the new generation is visible, not on a request
			this.definitions.keySet().forEach((name) -> {
				if (this.staging.built(name) instanceof FactoryBean<?> factoryBean && factoryBean.isSingleton()) {
					beanFactory.getBean(name);
				}
			});
			BeanRebuilder.this.definitionCaches.forgetMergedDefinitions(beanNames());
			// their merged definitions resolved the @Bean methods of the replaced class
			BeanRebuilder.this.definitionCaches.forgetMergedDefinitions(this.refreshed);
			this.typeCaches.run();
			return new Committed(previous, registered, this.typeCaches.changed, this.notReloadable, this.refreshed);
		}

		private Set<String> dependenciesOf(String name) {
			Set<String> dependencies = new LinkedHashSet<>();
			for (String dependency : BeanRebuilder.this.beanFactory
				.getDependenciesForBean(this.staging.stagingName(name))) {
				String lasting = this.staging.lastingName(dependency);
				if (!lasting.equals(name)) {
					dependencies.add(lasting);
				}
			}
			return dependencies;
		}

		/**
		 * Destroy the built beans instead of switching them in.
		 */
		public void discard() {
			BeanRebuilder.this.scope.discard(this.staging);
			removeStagingDefinitions(this.staging, this.definitions.keySet());
			this.typeCaches.run();
		}

	}

	/**
	 * What a bean was before a switch replaced or removed it.
	 */
	private record Previous(String beanName, BeanDefinition definition, @Nullable Object instance,
			@Nullable DisposableBean destruction, Set<String> dependencies, String className) {

		static Previous of(DefaultListableBeanFactory beanFactory, String beanName, String className) {
			Object instance = beanFactory.containsSingleton(beanName) ? beanFactory.getSingleton(beanName) : null;
			BeanDefinition definition = beanFactory.getBeanDefinition(beanName);
			return new Previous(beanName, definition, instance, null,
					new LinkedHashSet<>(List.of(beanFactory.getDependenciesForBean(beanName))), className);
		}

		Previous withDestruction(@Nullable DisposableBean destruction) {
			return new Previous(this.beanName, this.definition, this.instance, destruction, this.dependencies,
					this.className);
		}

	}

	/**
	 * A switch that was made: what destroys the beans it replaced once their requests are
	 * done, or what undoes it.
	 */
	public final class Committed {

		private final Map<String, Previous> previous;

		private final Map<String, String> registered;

		private final ChangedTypes changed;

		private final Set<String> notReloadable;

		private final Set<String> refreshed;

		private Committed(Map<String, Previous> previous, Map<String, String> registered, ChangedTypes changed,
				Set<String> notReloadable, Set<String> refreshed) {
			this.previous = previous;
			this.registered = registered;
			this.changed = changed;
			this.notReloadable = notReloadable;
			this.refreshed = refreshed;
		}

		/**
		 * Return what destroys the replaced and removed beans.
		 * @return what to run once their requests are done
		 */
		public Runnable retirement() {
			return () -> this.previous.values().forEach((bean) -> {
				if (bean.destruction() != null) {
					destroyQuietly(bean.destruction());
				}
			});
		}

		/**
		 * Put every bean back as it was before the switch, and destroy the new ones.
		 */
		public void undo() {
			SingletonRegistry registry = BeanRebuilder.this.registry;
			TypeCacheRestore typeCaches = new TypeCacheRestore(this.changed);
			List<DisposableBean> discarded = new ArrayList<>();
			registry.atomically(() -> {
				this.registered.keySet().forEach((name) -> {
					Previous bean = this.previous.get(name);
					if (bean != null) {
						addIfPresent(discarded, registry.replace(name, bean.definition(), bean.instance(),
								bean.destruction(), bean.dependencies()));
					}
					else {
						addIfPresent(discarded, registry.remove(name));
					}
				});
				this.previous.forEach((name, bean) -> {
					if (!this.registered.containsKey(name)) {
						registry.register(name, bean.definition(), bean.instance(), bean.destruction(),
								bean.dependencies());
					}
				});
			});
			Map<String, String> restored = new LinkedHashMap<>();
			this.previous.forEach((name, bean) -> restored.put(name, bean.className()));
			Set<String> added = new LinkedHashSet<>(this.registered.keySet());
			added.removeAll(this.previous.keySet());
			BeanRebuilder.this.beans.rebuilt(without(restored, this.notReloadable), added, this.changed);
			BeanRebuilder.this.definitionCaches.forgetMergedDefinitions(this.previous.keySet());
			BeanRebuilder.this.definitionCaches.forgetMergedDefinitions(added);
			BeanRebuilder.this.definitionCaches.forgetMergedDefinitions(this.refreshed);
			typeCaches.run();
			discarded.forEach(BeanRebuilder::destroyQuietly);
		}

	}

	/**
	 * Puts back the bean factory's type answers that a rebuild leaves right, each time
	 * its definitions changed.
	 */
	private final class TypeCacheRestore implements Runnable {

		private final List<Map<Class<?>, String[]>> snapshot = BeanRebuilder.this.definitionCaches.snapshot();

		private final ChangedTypes changed;

		TypeCacheRestore(ChangedTypes changed) {
			this.changed = changed;
		}

		@Override
		public void run() {
			BeanRebuilder.this.definitionCaches.restore(this.snapshot, this.changed);
		}

	}

}
