package dev.reload.autoconfigure.scope;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.reload.autoconfigure.change.ConfigurationClassChange;
import dev.reload.autoconfigure.classloader.ClassDirectories;
import dev.reload.autoconfigure.classloader.ClassGenerations;
import dev.reload.testsupport.SourceCompiler;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ConfigurationRebuild}: what a changed {@code @Bean} method rebuilds,
 * and the changes it refuses, on a bean factory holding what Spring registered for a
 * configuration class.
 *
 * @author reload-spring-boot
 */
class ConfigurationRebuildTests {

	private static final String CONFIGURATION = AppConfiguration.class.getName();

	private static final String SOURCE = """
			package com.example;

			import org.springframework.context.annotation.Bean;

			public class AppConfiguration {
				@Bean
				public Object greeting() {
					return "%s";
				}

				@Bean
				public Object farewell() {
					return "bye";
				}
			}
			""";

	@TempDir
	Path directory;

	private final DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();

	private ReloadableBeans beans;

	private ConfigurationClassChange change;

	@BeforeEach
	void registerConfiguration() throws IOException {
		this.beans = new ReloadableBeans(new ClassGenerations(
				new ClassDirectories(List.of(), List.of()), Map.of(CONFIGURATION, new byte[0], Greeting.class.getName(),
						new byte[0], Consumer.class.getName(), new byte[0]),
				getClass().getClassLoader(), (name) -> false));
		this.beans.registerConfigurationClass(CONFIGURATION);
		this.beanFactory.registerBeanDefinition("appConfiguration", new RootBeanDefinition(AppConfiguration.class));
		this.beanFactory.registerSingleton("appConfiguration", new AppConfiguration());
		for (String method : List.of("greeting", "farewell")) {
			RootBeanDefinition definition = new RootBeanDefinition();
			definition.setFactoryBeanName("appConfiguration");
			definition.setUniqueFactoryMethodName(method);
			this.beanFactory.registerBeanDefinition(method, definition);
			this.beanFactory.registerDependentBean("appConfiguration", method);
		}
		this.beanFactory.registerSingleton("greeting", new Greeting());
		this.beanFactory.registerSingleton("farewell", new Greeting());
		this.change = ConfigurationClassChange.of(CONFIGURATION, compile("hello"), compile("hi"));
	}

	@Test
	void changedBeanMethodRebuildsItsBeanAndTheReloadableBeansGivenIt() {
		this.beans.registerBean("consumer", Consumer.class.getName());
		this.beanFactory.registerBeanDefinition("consumer", new RootBeanDefinition(Consumer.class));
		this.beanFactory.registerDependentBean("greeting", "consumer");
		ConfigurationRebuild rebuild = plan();
		assertThat(rebuild.refusals()).isEmpty();
		ConfigurationRebuild.Plan plan = rebuild.plans().get(0);
		assertThat(plan.configurationBean()).isEqualTo("appConfiguration");
		assertThat(plan.proxied()).isFalse();
		assertThat(plan.beanMethodBeans()).containsExactly("greeting");
		assertThat(plan.components()).containsExactly("consumer");
		assertThat(plan.refreshed()).containsExactly("farewell");
	}

	@Test
	void beanGivenToABeanAReloadDoesNotRebuildIsRefused() {
		this.beanFactory.registerBeanDefinition("framework", new RootBeanDefinition(Object.class));
		this.beanFactory.registerDependentBean("greeting", "framework");
		assertThat(plan().refusals()).containsEntry(CONFIGURATION,
				"bean 'framework', which a reload does not rebuild, was given bean 'greeting'");
	}

	@Test
	void beanOfAFrameworkTypeIsRefused() {
		this.beanFactory.destroySingleton("greeting");
		this.beanFactory.registerSingleton("greeting", new StringBuilder("hello"));
		assertThat(plan().refusals().get(CONFIGURATION)).startsWith("bean 'greeting' is a java.lang.StringBuilder");
	}

	@Test
	void requestScopedBeanIsRefused() {
		this.beanFactory.getBeanDefinition("greeting").setScope("request");
		assertThat(plan().refusals()).containsEntry(CONFIGURATION, "bean 'greeting' is request-scoped");
	}

	@Test
	void classMadeIntoTwoBeansIsRefused() {
		this.beanFactory.registerBeanDefinition("otherConfiguration", new RootBeanDefinition(AppConfiguration.class));
		assertThat(plan().refusals()).containsEntry(CONFIGURATION,
				"beans [appConfiguration, otherConfiguration] are made of it");
	}

	private ConfigurationRebuild plan() {
		return ConfigurationRebuild.plan(this.beanFactory, this.beans, Map.of(CONFIGURATION, this.change),
				Set.of(CONFIGURATION));
	}

	private byte[] compile(String greeting) throws IOException {
		Path output = Files.createTempDirectory(this.directory, "classes");
		SourceCompiler.compile(output, SourceCompiler.of("com.example.AppConfiguration", SOURCE.formatted(greeting)));
		return Files.readAllBytes(output.resolve("com/example/AppConfiguration.class"));
	}

	static class AppConfiguration {

	}

	static class Greeting {

	}

	static class Consumer {

	}

}
