package dev.reload.samples.clinic.probes;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.metamodel.EntityType;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the bean factory and Hibernate say about the clinic's beans and classes.
 *
 * @author reload-spring-boot
 */
@RestController
class FactsController {

	private static final String PACKAGE = "dev.reload.samples.clinic.";

	private final ConfigurableListableBeanFactory beanFactory;

	private final EntityManagerFactory entityManagerFactory;

	FactsController(ConfigurableListableBeanFactory beanFactory, EntityManagerFactory entityManagerFactory) {
		this.beanFactory = beanFactory;
		this.entityManagerFactory = entityManagerFactory;
	}

	/**
	 * One line per bean of the clinic: its scope and what the registry says.
	 * @return the lines
	 */
	@GetMapping("/probe/beans")
	List<String> beans() {
		List<String> lines = new ArrayList<>();
		for (String name : new TreeSet<>(List.of(this.beanFactory.getBeanDefinitionNames()))) {
			Class<?> type = this.beanFactory.getType(name, false);
			if (type != null && type.getName().startsWith(PACKAGE)) {
				BeanDefinition definition = this.beanFactory.getBeanDefinition(name);
				lines.add(name + " scope=" + definition.getScope() + " singleton=" + this.beanFactory.isSingleton(name)
						+ " registered=" + this.beanFactory.containsSingleton(name) + " dependencies="
						+ new TreeSet<>(List.of(this.beanFactory.getDependenciesForBean(name))));
			}
		}
		return lines;
	}

	/**
	 * The class loader of each entity class Hibernate knows and of the clinic's own
	 * classes.
	 * @return the lines
	 */
	@GetMapping("/probe/loaders")
	List<String> loaders() {
		List<String> lines = new ArrayList<>();
		for (EntityType<?> entity : this.entityManagerFactory.getMetamodel().getEntities()) {
			lines.add(
					"entity " + entity.getJavaType().getName() + " " + entity.getJavaType().getClassLoader().getName());
		}
		for (String name : List.of("ClinicApplication", "model.BaseEntity", "owner.Owner", "vet.Vet")) {
			Class<?> type = load(PACKAGE + name);
			lines.add("class " + type.getName() + " " + type.getClassLoader().getName());
		}
		lines.add("controller " + getClass().getClassLoader().getName());
		return lines;
	}

	private Class<?> load(String name) {
		try {
			return Class.forName(name, false, getClass().getClassLoader());
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
