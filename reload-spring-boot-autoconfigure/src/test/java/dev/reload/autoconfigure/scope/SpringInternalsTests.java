package dev.reload.autoconfigure.scope;

import java.lang.reflect.Field;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Every private field of Spring Framework the rebuild reaches is there, of the type it
 * expects, and does what the rebuild relies on: these tests fail when Spring renames or
 * changes one, instead of a reload failing in production.
 *
 * @author reload-spring-boot
 */
class SpringInternalsTests {

	@Test
	void everyFieldTheRebuildReachesExists() {
		// each class resolves its fields when it is loaded, and fails naming a missing
		// one
		assertThat(new SingletonRegistry(new DefaultListableBeanFactory())).isNotNull();
		assertThat(new BeanDefinitionCaches(new DefaultListableBeanFactory()).snapshot()).hasSize(2);
		assertThat(StaleClassCaches.class).isNotNull();
	}

	@Test
	void everyCacheAnInProcessRestartEmptiesExists() {
		// looked up only when their modules are there: Spring Boot's actuator is here
		// (the clinic's memory tests cover its JDBC support)
		assertThat(StaleClassCaches.CLOSED_APPLICATION_CACHES).extracting(Field::getName)
			.contains("accessResolversCache", "exposureOutcomeContributorsCache");
	}

	@Test
	void missingFieldIsAClearError() {
		assertThatIllegalStateException()
			.isThrownBy(
					() -> SpringInternals.field(DefaultListableBeanFactory.class, "noSuchField", Map.class, "to test"))
			.withMessageContaining("DefaultListableBeanFactory.noSuchField")
			.withMessageContaining("which reload-spring-boot needs to test");
		assertThatIllegalStateException()
			.isThrownBy(() -> SpringInternals.staticField("org.springframework.util.NoSuchClass", "cache", "to test"))
			.withMessageContaining("org.springframework.util.NoSuchClass");
	}

	@Test
	void replacedSingletonKeepsItsDependentsAndIsNotDestroyed() {
		DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
		beanFactory.registerBeanDefinition("dependency", new RootBeanDefinition(Dependency.class));
		beanFactory.registerBeanDefinition("consumer", new RootBeanDefinition(Consumer.class));
		Dependency first = beanFactory.getBean("dependency", Dependency.class);
		Consumer consumer = beanFactory.getBean("consumer", Consumer.class);
		beanFactory.registerDependentBean("dependency", "consumer");
		Dependency second = new Dependency();
		SingletonRegistry registry = new SingletonRegistry(beanFactory);
		registry.atomically(() -> registry.replace("dependency", new RootBeanDefinition(Dependency.class), second,
				second::destroy, Set.of()));
		assertThat(beanFactory.getBean("dependency")).isSameAs(second);
		assertThat(beanFactory.getBean("consumer")).isSameAs(consumer);
		assertThat(beanFactory.getDependentBeans("dependency")).containsExactly("consumer");
		assertThat(first.destroyed).isFalse();
		beanFactory.destroySingletons();
		assertThat(second.destroyed).isTrue();
		assertThat(consumer.destroyed).isTrue();
	}

	static class Dependency implements DisposableBean {

		boolean destroyed;

		@Override
		public void destroy() {
			this.destroyed = true;
		}

	}

	static class Consumer extends Dependency {

	}

}
