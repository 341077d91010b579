package dev.reload.autoconfigure.orm;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.List;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.Version;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.tool.schema.spi.DelayedDropAction;
import org.jspecify.annotations.Nullable;

import org.springframework.orm.jpa.AbstractEntityManagerFactoryBean;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * The private members of Spring Framework, Hibernate and Spring Data JPA that swapping a
 * persistence unit needs, each with why; {@code HibernateInternalsTests} fails when one
 * of them changes.
 * <ul>
 * <li>{@code AbstractEntityManagerFactoryBean#nativeEntityManagerFactory}: the factory
 * that Spring's {@code EntityManagerFactory} proxy delegates to; there is no setter, and
 * the proxy is what every consumer holds.</li>
 * <li>Hibernate's {@code SessionFactoryImpl#observerChain},
 * {@code SessionFactoryObserverChain#observers} and
 * {@code SessionFactoryObserverForSchemaExport#delayedDropAction}: where
 * {@code create-drop} keeps the schema drop it runs on close; Hibernate offers no way to
 * close a session factory without it.</li>
 * <li>Spring Data JPA's static {@code JpaMetamodel#clear()}: its cache of metamodels
 * holds every replaced unit's model, and Spring Data empties it only when a context
 * closes.</li>
 * </ul>
 *
 * @author reload-spring-boot
 */
final class HibernateInternals {

	private static final String OBSERVER_CHAIN_CLASS = "org.hibernate.internal.SessionFactoryObserverChain";

	private static final String SCHEMA_EXPORT_OBSERVER_CLASS = "org.hibernate.boot.internal.SessionFactoryObserverForSchemaExport";

	private static final String SPRING_DATA_METAMODEL_CLASS = "org.springframework.data.jpa.util.JpaMetamodel";

	private HibernateInternals() {
	}

	/**
	 * Return what the running versions lack of what a swap needs, if anything.
	 * @return the problem, or {@code null} if every member is there
	 */
	static @Nullable String problem() {
		try {
			nativeFactoryField();
			observerChainField();
			observersField();
			delayedDropField();
			return null;
		}
		catch (IllegalStateException ex) {
			return ex.getMessage();
		}
	}

	static void setNativeEntityManagerFactory(AbstractEntityManagerFactoryBean factoryBean,
			EntityManagerFactory factory) {
		ReflectionUtils.setField(nativeFactoryField(), factoryBean, factory);
	}

	/**
	 * Take the schema drop a session factory would run on close, so that it closes
	 * without it.
	 * @param factory the session factory
	 * @return the drop, or {@code null} if it has none
	 */
	static @Nullable DelayedDropAction takeDelayedDrop(SessionFactoryImplementor factory) {
		Object chain = ReflectionUtils.getField(observerChainField(), factory);
		List<?> observers = (chain != null) ? (List<?>) ReflectionUtils.getField(observersField(), chain) : null;
		if (observers == null) {
			return null;
		}
		for (Object observer : observers) {
			if (observer instanceof DelayedSchemaDrop handedOver) {
				DelayedDropAction action = handedOver.take();
				if (action != null) {
					return action;
				}
			}
			else if (observer.getClass().getName().equals(SCHEMA_EXPORT_OBSERVER_CLASS)) {
				Field field = delayedDropField();
				DelayedDropAction action = (DelayedDropAction) ReflectionUtils.getField(field, observer);
				if (action != null) {
					ReflectionUtils.setField(field, observer, null);
					return action;
				}
			}
		}
		return null;
	}

	/**
	 * Empty Spring Data JPA's cache of metamodels, if Spring Data JPA is there.
	 */
	static void clearSpringDataMetamodels() {
		ClassLoader classLoader = HibernateInternals.class.getClassLoader();
		if (!ClassUtils.isPresent(SPRING_DATA_METAMODEL_CLASS, classLoader)) {
			return;
		}
		Method clear = ReflectionUtils.findMethod(ClassUtils.resolveClassName(SPRING_DATA_METAMODEL_CLASS, classLoader),
				"clear");
		if (clear == null) {
			throw new IllegalStateException("Spring Data JPA has no method " + SPRING_DATA_METAMODEL_CLASS
					+ ".clear(), which reload-spring-boot needs to free the model of a replaced persistence unit");
		}
		ReflectionUtils.makeAccessible(clear);
		ReflectionUtils.invokeMethod(clear, null);
	}

	static Field nativeFactoryField() {
		return field(AbstractEntityManagerFactoryBean.class, "nativeEntityManagerFactory", EntityManagerFactory.class,
				"to switch a rebuilt persistence unit in behind Spring's EntityManagerFactory proxy");
	}

	static Field observerChainField() {
		return field(hibernateClass("org.hibernate.internal.SessionFactoryImpl"), "observerChain",
				hibernateClass(OBSERVER_CHAIN_CLASS),
				"to close a replaced persistence unit without dropping the schema");
	}

	static Field observersField() {
		return field(hibernateClass(OBSERVER_CHAIN_CLASS), "observers", List.class,
				"to close a replaced persistence unit without dropping the schema");
	}

	static Field delayedDropField() {
		return field(hibernateClass(SCHEMA_EXPORT_OBSERVER_CLASS), "delayedDropAction", DelayedDropAction.class,
				"to close a replaced persistence unit without dropping the schema");
	}

	private static Class<?> hibernateClass(String name) {
		try {
			return ClassUtils.forName(name, SessionFactoryImplementor.class.getClassLoader());
		}
		catch (ClassNotFoundException | LinkageError ex) {
			throw new IllegalStateException("Hibernate " + Version.getVersionString() + " has no class " + name
					+ ", which reload-spring-boot needs to swap a persistence unit", ex);
		}
	}

	private static Field field(Class<?> owner, String name, Class<?> type, String why) {
		Field field = ReflectionUtils.findField(owner, name);
		if (field == null || !type.isAssignableFrom(field.getType())) {
			throw new IllegalStateException(
					"Persistence unit rebuild unavailable: " + owner.getName() + " has no field " + name + " of type "
							+ type.getName() + ", which reload-spring-boot needs " + why);
		}
		ReflectionUtils.makeAccessible(field);
		return field;
	}

}
