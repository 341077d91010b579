package dev.reload.autoconfigure;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

import dev.reload.ReloadReport;
import dev.reload.Reloader;
import dev.reload.autoconfigure.actuate.ReloadEndpoint;
import dev.reload.autoconfigure.actuate.ReloadEndpointAutoConfiguration;
import dev.reload.autoconfigure.actuate.ReloadHealthContributorAutoConfiguration;
import dev.reload.autoconfigure.actuate.ReloadHealthIndicator;
import dev.reload.autoconfigure.change.PendingChanges;
import dev.reload.autoconfigure.engine.BeanRetirement;
import dev.reload.autoconfigure.engine.ReloadEngine;
import dev.reload.autoconfigure.engine.RequestGate;
import dev.reload.autoconfigure.metrics.ReloadMetricsAutoConfiguration;
import dev.reload.autoconfigure.observation.ReloadObservationAutoConfiguration;
import dev.reload.autoconfigure.web.reactive.ReloadWebFluxAutoConfiguration;
import dev.reload.autoconfigure.web.servlet.ReloadWebMvcAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.event.ApplicationContextInitializedEvent;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.web.reactive.DispatcherHandler;
import org.springframework.web.servlet.DispatcherServlet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every auto-configured bean a user may replace backs off for a bean of the user's, and
 * each auto-configuration backs off when its optional library is missing.
 *
 * @author reload-spring-boot
 */
class ReloadAutoConfigurationBackOffTests {

	@TempDir
	Path classes;

	private WebApplicationContextRunner runner() {
		return new WebApplicationContextRunner().withInitializer(ReloadAutoConfigurationBackOffTests::installReloading)
			.withPropertyValues("reload.directories=" + this.classes,
					"management.endpoints.web.exposure.include=reload")
			.withConfiguration(AutoConfigurations.of(WebMvcAutoConfiguration.class,
					DispatcherServletAutoConfiguration.class, EndpointAutoConfiguration.class,
					WebEndpointAutoConfiguration.class, MetricsAutoConfiguration.class,
					CompositeMeterRegistryAutoConfiguration.class, ObservationAutoConfiguration.class))
			.withConfiguration(AutoConfigurations.of(ReloadAutoConfiguration.class, ReloadWebMvcAutoConfiguration.class,
					ReloadWebFluxAutoConfiguration.class, ReloadEndpointAutoConfiguration.class,
					ReloadHealthContributorAutoConfiguration.class, ReloadMetricsAutoConfiguration.class,
					ReloadObservationAutoConfiguration.class));
	}

	@Test
	void everyPartIsThereByDefault() {
		runner().run((context) -> assertThat(context).hasSingleBean(Reloader.class)
			.hasSingleBean(ReloadEngine.class)
			.hasSingleBean(PendingChanges.class)
			.hasSingleBean(RequestGate.class)
			.hasSingleBean(BeanRetirement.class)
			.hasSingleBean(ReloadEndpoint.class)
			.hasSingleBean(ReloadHealthIndicator.class)
			.hasBean("reloadMetrics")
			.hasBean("reloadObservationObserver")
			.hasBean("reloadRequestFilter")
			.hasBean("reloadGateHandlerMapping"));
	}

	@Test
	void theReloaderBeanIsTheInterfaceNotTheEngine() {
		runner().run((context) -> {
			Reloader reloader = context.getBean(Reloader.class);
			assertThat(reloader).isNotInstanceOf(ReloadEngine.class);
			assertThat(reloader.reload().outcome()).hasToString("NO_CHANGES");
			assertThat(reloader.rollback().outcome()).hasToString("NO_CHANGES");
		});
	}

	@Test
	void userBeansReplaceTheirAutoConfiguredCounterparts() {
		runner().withUserConfiguration(UserBeans.class).run((context) -> {
			assertThat(context).getBean(Reloader.class).isSameAs(context.getBean(UserBeans.class).reloader);
			assertThat(context).getBean(RequestGate.class).isSameAs(context.getBean(UserBeans.class).gate);
			assertThat(context).getBean(BeanRetirement.class).isSameAs(context.getBean(UserBeans.class).retirement);
			assertThat(context).hasSingleBean(ReloadEngine.class);
			assertThat(context.getBean("reloadHealthIndicator")).isSameAs(context.getBean(UserBeans.class).health);
			assertThat(context).doesNotHaveBean(ReloadHealthIndicator.class);
		});
	}

	@Test
	void withoutActuatorTheReloadingItselfWorks() {
		new WebApplicationContextRunner().withInitializer(ReloadAutoConfigurationBackOffTests::installReloading)
			.withPropertyValues("reload.directories=" + this.classes)
			.withConfiguration(
					AutoConfigurations.of(WebMvcAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
							ReloadAutoConfiguration.class, ReloadWebMvcAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate",
					"org.springframework.boot.health", "io.micrometer"))
			.run((context) -> assertThat(context).hasSingleBean(ReloadEngine.class)
				.hasSingleBean(Reloader.class)
				.hasBean("reloadRequestFilter"));
	}

	@Test
	void optionalIntegrationsAreSkippedBeforeTheirClassesAreLoaded() throws IOException {
		// what Spring Boot reads to skip an auto-configuration whose library is missing
		Properties metadata = PropertiesLoaderUtils
			.loadProperties(new ClassPathResource("META-INF/spring-autoconfigure-metadata.properties"));
		assertThat(metadata)
			.containsEntry(ReloadEndpointAutoConfiguration.class.getName() + ".ConditionalOnClass",
					"org.springframework.boot.actuate.endpoint.annotation.Endpoint")
			.containsEntry(ReloadHealthContributorAutoConfiguration.class.getName() + ".ConditionalOnClass",
					"org.springframework.boot.health.contributor.AbstractHealthIndicator")
			.containsKeys(ReloadMetricsAutoConfiguration.class.getName() + ".ConditionalOnClass",
					ReloadObservationAutoConfiguration.class.getName() + ".ConditionalOnClass",
					ReloadWebMvcAutoConfiguration.class.getName() + ".ConditionalOnClass",
					ReloadWebFluxAutoConfiguration.class.getName() + ".ConditionalOnClass");
	}

	@Test
	void withoutMicrometerThereAreNoMetricsAndNoObservations() {
		runner().withClassLoader(new FilteredClassLoader(MeterRegistry.class, ObservationRegistry.class))
			.run((context) -> assertThat(context).hasSingleBean(ReloadEngine.class)
				.doesNotHaveBean("reloadMetrics")
				.doesNotHaveBean("reloadObservationObserver"));
	}

	@Test
	void withoutSpringMvcThereIsNoServletIntegration() {
		runner().withClassLoader(new FilteredClassLoader(DispatcherServlet.class))
			.run((context) -> assertThat(context).hasSingleBean(ReloadEngine.class)
				.doesNotHaveBean("reloadRequestFilter")
				.doesNotHaveBean("reloadGateHandlerMapping"));
	}

	@Test
	void withoutWebFluxAServletApplicationIsUnchanged() {
		runner().withClassLoader(new FilteredClassLoader(DispatcherHandler.class))
			.run((context) -> assertThat(context).hasSingleBean(ReloadEngine.class)
				.hasBean("reloadRequestFilter")
				.doesNotHaveBean("reloadWebFilter"));
	}

	private static void installReloading(ConfigurableApplicationContext context) {
		new ReloadApplicationListener().onApplicationEvent(
				new ApplicationContextInitializedEvent(new SpringApplication(), new String[0], context));
	}

	@Configuration(proxyBeanMethods = false)
	static class UserBeans {

		final Reloader reloader = new Reloader() {

			@Override
			public ReloadReport reload() {
				throw new UnsupportedOperationException();
			}

			@Override
			public ReloadReport rollback() {
				throw new UnsupportedOperationException();
			}

			@Override
			public void registerModule(String pattern) {
			}

			@Override
			public void unregisterModule(String pattern) {
			}

		};

		final RequestGate gate = new RequestGate(Duration.ofSeconds(1));

		final BeanRetirement retirement = new BeanRetirement(Duration.ofSeconds(1));

		final HealthIndicator health = () -> Health.up().build();

		@Bean
		Reloader userReloader() {
			return this.reloader;
		}

		@Bean
		RequestGate userRequestGate() {
			return this.gate;
		}

		@Bean
		BeanRetirement userBeanRetirement() {
			return this.retirement;
		}

		@Bean
		HealthIndicator reloadHealthIndicator() {
			return this.health;
		}

	}

}
