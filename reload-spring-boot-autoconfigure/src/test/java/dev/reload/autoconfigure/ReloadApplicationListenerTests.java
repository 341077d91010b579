package dev.reload.autoconfigure;

import java.net.URL;
import java.nio.file.Path;

import dev.reload.autoconfigure.classloader.ClassGenerations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationContextInitializedEvent;
import org.springframework.boot.devtools.restart.classloader.RestartClassLoader;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where reloading cannot work, or another tool reloads, {@link ReloadApplicationListener}
 * leaves the application alone and says why in one line.
 *
 * @author reload-spring-boot
 */
@ExtendWith(OutputCaptureExtension.class)
class ReloadApplicationListenerTests {

	@TempDir
	Path classes;

	@Test
	void devToolsRestartClassLoaderMeansDevToolsReloads(CapturedOutput output) throws Exception {
		RestartClassLoader restartClassLoader = new RestartClassLoader(getClass().getClassLoader(),
				new URL[] { this.classes.toUri().toURL() });
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Empty.class)
			.resourceLoader(new DefaultResourceLoader(restartClassLoader))
			.web(WebApplicationType.NONE)
			.properties("spring.main.banner-mode=off", "reload.directories=" + this.classes)
			.run()) {
			assertThat(context.getBeanProvider(ClassGenerations.class).getIfAvailable()).isNull();
			assertThat(context.getClassLoader()).isSameAs(restartClassLoader);
		}
		assertThat(output).containsOnlyOnce("Class reloading is off: Spring Boot DevTools restarts this application")
			.contains("set spring.devtools.restart.enabled=false");
	}

	@Test
	void withoutDevToolsTheSameApplicationReloads(CapturedOutput output) {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Empty.class)
			.web(WebApplicationType.NONE)
			.properties("spring.main.banner-mode=off", "reload.directories=" + this.classes)
			.run()) {
			assertThat(context.getBeanProvider(ClassGenerations.class).getIfAvailable()).isNotNull();
		}
		assertThat(output).contains("Class reloading is on for [" + this.classes.toAbsolutePath().normalize() + "]");
	}

	@Test
	void aheadOfTimeProcessedContextIsLeftAlone(CapturedOutput output) {
		GenericApplicationContext context = new GenericApplicationContext();
		MockEnvironment environment = new MockEnvironment().withProperty("reload.directories", this.classes.toString());
		context.setEnvironment(environment);
		ClassLoader original = context.getClassLoader();
		System.setProperty("spring.aot.enabled", "true");
		try {
			new ReloadApplicationListener().onApplicationEvent(
					new ApplicationContextInitializedEvent(new SpringApplication(), new String[0], context));
		}
		finally {
			System.clearProperty("spring.aot.enabled");
		}
		assertThat(context.getClassLoader()).isSameAs(original);
		assertThat(context.getBeanFactory().containsSingleton("reloadClassGenerations")).isFalse();
		assertThat(output).containsOnlyOnce("Class reloading is off: the context was processed ahead of time");
	}

	@Configuration(proxyBeanMethods = false)
	static class Empty {

	}

}
