package dev.reload.autoconfigure.orm;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.spi.PersistenceProvider;
import jakarta.persistence.spi.PersistenceUnitInfo;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.BeanUtils;
import org.springframework.instrument.classloading.SimpleThrowawayClassLoader;
import org.springframework.orm.jpa.JpaVendorAdapter;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;

/**
 * One persistence unit built again from a new generation, beside the running one, and
 * switched in behind the {@code EntityManagerFactory} proxy that Spring made of the
 * running one: the transaction manager, the shared {@code EntityManager}s and
 * open-in-view keep that proxy, and reach the new unit through it. The new unit does not
 * touch the schema (the mapping is the one the running unit created or checked); the
 * running one, once its requests are done, is closed without dropping the schema, and
 * hands a drop on close ({@code create-drop}) to the new one.
 *
 * @author reload-spring-boot
 */
final class RebuiltPersistenceUnit {

	private static final Log logger = LogFactory.getLog(RebuiltPersistenceUnit.class);

	/** Hibernate's and JPA's schema generation settings. */
	private static final List<String> SCHEMA_ACTIONS = List.of("hibernate.hbm2ddl.auto",
			"jakarta.persistence.schema-generation.database.action",
			"jakarta.persistence.schema-generation.scripts.action");

	private final LocalContainerEntityManagerFactoryBean factoryBean;

	private final SessionFactoryImplementor running;

	private final SessionFactoryImplementor rebuilt;

	private RebuiltPersistenceUnit(LocalContainerEntityManagerFactoryBean factoryBean,
			SessionFactoryImplementor running, SessionFactoryImplementor rebuilt) {
		this.factoryBean = factoryBean;
		this.running = running;
		this.rebuilt = rebuilt;
	}

	/**
	 * Build the unit of the given factory bean again, loading its classes from the given
	 * generation.
	 * @param factoryBean the factory bean of the running unit
	 * @param generation the staged generation
	 * @return the rebuilt unit, not switched in
	 */
	static RebuiltPersistenceUnit build(LocalContainerEntityManagerFactoryBean factoryBean, ClassLoader generation) {
		PersistenceUnitInfo info = factoryBean.getPersistenceUnitInfo();
		Assert.state(info != null, "A built persistence unit has its PersistenceUnitInfo");
		SessionFactoryImplementor running = (SessionFactoryImplementor) factoryBean.getNativeEntityManagerFactory();
		Map<String, Object> properties = new HashMap<>(factoryBean.getJpaPropertyMap());
		// the mapping is unchanged: the schema is the running unit's
		SCHEMA_ACTIONS.forEach((name) -> properties.put(name, "none"));
		Thread thread = Thread.currentThread();
		ClassLoader previous = thread.getContextClassLoader();
		thread.setContextClassLoader(generation);
		EntityManagerFactory built;
		try {
			built = provider(factoryBean, info).createContainerEntityManagerFactory(unitInfo(info, generation),
					properties);
		}
		catch (RuntimeException | LinkageError ex) {
			throw new IllegalStateException("The persistence unit '" + info.getPersistenceUnitName()
					+ "' could not be built from the new classes: " + ex, ex);
		}
		finally {
			thread.setContextClassLoader(previous);
		}
		JpaVendorAdapter vendorAdapter = factoryBean.getJpaVendorAdapter();
		if (vendorAdapter != null) {
			vendorAdapter.postProcessEntityManagerFactory(built);
		}
		return new RebuiltPersistenceUnit(factoryBean, running, (SessionFactoryImplementor) built);
	}

	private static PersistenceProvider provider(LocalContainerEntityManagerFactoryBean factoryBean,
			PersistenceUnitInfo info) {
		PersistenceProvider provider = factoryBean.getPersistenceProvider();
		if (provider != null) {
			return provider;
		}
		String className = info.getPersistenceProviderClassName();
		Assert.state(className != null, "The persistence unit names its provider");
		return (PersistenceProvider) BeanUtils
			.instantiateClass(ClassUtils.resolveClassName(className, factoryBean.getBeanClassLoader()));
	}

	/**
	 * Return the running unit's info, with the generation as the class loader its managed
	 * types are loaded from.
	 */
	private static PersistenceUnitInfo unitInfo(PersistenceUnitInfo info, ClassLoader generation) {
		Class<?>[] interfaces = ClassUtils.getAllInterfaces(info);
		return (PersistenceUnitInfo) Proxy.newProxyInstance(info.getClass().getClassLoader(), interfaces,
				(proxy, method, args) -> switch (method.getName()) {
					case "getClassLoader" -> generation;
					case "getNewTempClassLoader" -> new SimpleThrowawayClassLoader(generation);
					default -> invoke(method, info, args);
				});
	}

	private static @Nullable Object invoke(Method method, Object target, @Nullable Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getTargetException();
		}
	}

	/**
	 * Let the current thread, and only it, reach the rebuilt unit through the factory
	 * bean's proxy, while the beans that read the unit are built.
	 */
	void beginBuilding() {
		Thread builder = Thread.currentThread();
		Class<?>[] interfaces = ClassUtils.getAllInterfacesForClass(this.running.getClass(),
				this.running.getClass().getClassLoader());
		Object routing = Proxy.newProxyInstance(this.running.getClass().getClassLoader(), interfaces, (proxy, method,
				args) -> invoke(method, (Thread.currentThread() == builder) ? this.rebuilt : this.running, args));
		HibernateInternals.setNativeEntityManagerFactory(this.factoryBean, (EntityManagerFactory) routing);
	}

	void endBuilding() {
		HibernateInternals.setNativeEntityManagerFactory(this.factoryBean, this.running);
	}

	void apply() {
		HibernateInternals.setNativeEntityManagerFactory(this.factoryBean, this.rebuilt);
	}

	void undo() {
		HibernateInternals.setNativeEntityManagerFactory(this.factoryBean, this.running);
		discard();
	}

	/**
	 * Close the replaced unit, once its requests are done, handing over its schema drop.
	 */
	void retire() {
		try {
			DelayedSchemaDrop.handOver(this.running, this.rebuilt);
			this.running.close();
			logger.info("Closed the replaced persistence unit '" + this.factoryBean.getPersistenceUnitName() + "'");
		}
		catch (RuntimeException ex) {
			logger.warn(
					"Closing the replaced persistence unit '" + this.factoryBean.getPersistenceUnitName() + "' failed",
					ex);
		}
	}

	void discard() {
		try {
			this.rebuilt.close();
		}
		catch (RuntimeException ex) {
			logger.warn("Closing a persistence unit that was not switched in failed", ex);
		}
	}

}
