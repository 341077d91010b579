package dev.reload.autoconfigure.orm;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import dev.reload.autoconfigure.engine.PersistenceUnitRebuild;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.orm.jpa.AbstractEntityManagerFactoryBean;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;

/**
 * The Hibernate persistence units of the application, each made by a
 * {@link LocalContainerEntityManagerFactoryBean}, as Spring Boot makes them: a reload
 * builds each again from the new generation, with the persistence unit, the provider and
 * the properties the running one was built with, and without schema generation.
 *
 * @author reload-spring-boot
 */
final class HibernatePersistenceUnits implements PersistenceUnitRebuild {

	private static final String MAPPING_CONTEXT_CLASS = "org.springframework.data.jpa.mapping.JpaMetamodelMappingContext";

	private final ConfigurableListableBeanFactory beanFactory;

	HibernatePersistenceUnits(ConfigurableListableBeanFactory beanFactory) {
		Assert.notNull(beanFactory, "'beanFactory' must not be null");
		this.beanFactory = beanFactory;
	}

	@Override
	public @Nullable String refusal() {
		List<AbstractEntityManagerFactoryBean> factoryBeans = factoryBeans();
		if (factoryBeans.isEmpty()) {
			return "no persistence unit was built at start-up";
		}
		for (AbstractEntityManagerFactoryBean factoryBean : factoryBeans) {
			String unit = "persistence unit '" + factoryBean.getPersistenceUnitName() + "'";
			if (!(factoryBean instanceof LocalContainerEntityManagerFactoryBean)) {
				return unit + " is not built by a LocalContainerEntityManagerFactoryBean";
			}
			if (!(factoryBean.getNativeEntityManagerFactory() instanceof SessionFactoryImplementor)) {
				return unit + " is not Hibernate's";
			}
		}
		return HibernateInternals.problem();
	}

	@Override
	public Prepared prepare(ClassLoader generation) {
		String refusal = refusal();
		Assert.state(refusal == null, () -> "The persistence units cannot be built again: " + refusal);
		List<RebuiltPersistenceUnit> units = new ArrayList<>();
		try {
			for (AbstractEntityManagerFactoryBean factoryBean : factoryBeans()) {
				units.add(
						RebuiltPersistenceUnit.build((LocalContainerEntityManagerFactoryBean) factoryBean, generation));
			}
		}
		catch (RuntimeException | LinkageError ex) {
			units.forEach(RebuiltPersistenceUnit::discard);
			throw ex;
		}
		return new PreparedUnits(units, mappingContexts(), this::clearCaches);
	}

	/**
	 * Empty the caches of the application's cache managers: a cached entity is an
	 * instance of a replaced class, which the new code cannot take, and a cached query
	 * result came from the replaced unit.
	 */
	private void clearCaches() {
		this.beanFactory.getBeanProvider(CacheManager.class).orderedStream().forEach((cacheManager) -> {
			for (String name : cacheManager.getCacheNames()) {
				Cache cache = cacheManager.getCache(name);
				if (cache != null) {
					cache.clear();
				}
			}
		});
	}

	/**
	 * Return the Spring Data mapping contexts of the persistence units, which read their
	 * metamodels once, when they are made.
	 */
	private Set<String> mappingContexts() {
		ClassLoader classLoader = this.beanFactory.getBeanClassLoader();
		if (!ClassUtils.isPresent(MAPPING_CONTEXT_CLASS, classLoader)) {
			return Set.of();
		}
		Class<?> type = ClassUtils.resolveClassName(MAPPING_CONTEXT_CLASS, classLoader);
		Set<String> names = new LinkedHashSet<>();
		for (String name : this.beanFactory.getBeanNamesForType(type, true, false)) {
			if (this.beanFactory.containsBeanDefinition(name) && this.beanFactory.containsSingleton(name)) {
				names.add(name);
			}
		}
		return names;
	}

	private List<AbstractEntityManagerFactoryBean> factoryBeans() {
		List<AbstractEntityManagerFactoryBean> factoryBeans = new ArrayList<>();
		for (String name : this.beanFactory.getBeanNamesForType(AbstractEntityManagerFactoryBean.class, false, false)) {
			String factoryBeanName = name.startsWith(BeanFactory.FACTORY_BEAN_PREFIX) ? name
					: BeanFactory.FACTORY_BEAN_PREFIX + name;
			if (this.beanFactory.containsSingleton(factoryBeanName.substring(1))) {
				factoryBeans.add(this.beanFactory.getBean(factoryBeanName, AbstractEntityManagerFactoryBean.class));
			}
		}
		return factoryBeans;
	}

	/**
	 * The units of one reload.
	 */
	private static final class PreparedUnits implements Prepared {

		private final List<RebuiltPersistenceUnit> units;

		private final Set<String> mappingContexts;

		private final Runnable clearCaches;

		PreparedUnits(List<RebuiltPersistenceUnit> units, Set<String> mappingContexts, Runnable clearCaches) {
			this.units = units;
			this.mappingContexts = mappingContexts;
			this.clearCaches = clearCaches;
		}

		@Override
		public Set<String> rebuiltBeans() {
			return this.mappingContexts;
		}

		@Override
		public <T> T building(Supplier<T> build) {
			this.units.forEach(RebuiltPersistenceUnit::beginBuilding);
			try {
				return build.get();
			}
			finally {
				this.units.forEach(RebuiltPersistenceUnit::endBuilding);
			}
		}

		@Override
		public void apply() {
			this.units.forEach(RebuiltPersistenceUnit::apply);
			this.clearCaches.run();
		}

		@Override
		public void undo() {
			this.units.forEach(RebuiltPersistenceUnit::undo);
		}

		@Override
		public void retire() {
			this.units.forEach(RebuiltPersistenceUnit::retire);
			HibernateInternals.clearSpringDataMetamodels();
			// again: a request of the old code may have cached what it read since
			this.clearCaches.run();
		}

		@Override
		public void discard() {
			this.units.forEach(RebuiltPersistenceUnit::discard);
		}

	}

}
