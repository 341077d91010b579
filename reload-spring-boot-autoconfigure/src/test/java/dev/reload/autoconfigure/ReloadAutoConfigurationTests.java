package dev.reload.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

import dev.reload.Reloader;
import dev.reload.autoconfigure.actuate.ReloadEndpoint;
import dev.reload.autoconfigure.actuate.ReloadEndpointAutoConfiguration;
import dev.reload.autoconfigure.actuate.ReloadHealthContributorAutoConfiguration;
import dev.reload.autoconfigure.actuate.ReloadHealthIndicator;
import dev.reload.autoconfigure.change.PendingChanges;
import dev.reload.autoconfigure.change.StartupResources;
import dev.reload.autoconfigure.classloader.ClassGenerations;
import dev.reload.autoconfigure.classloader.ReloadingClassLoader;
import dev.reload.autoconfigure.compile.InProcessSourceCompilation;
import dev.reload.autoconfigure.engine.ApplicationRestart;
import dev.reload.autoconfigure.engine.ReloadEngine;
import dev.reload.autoconfigure.engine.SourceCompilation;
import dev.reload.autoconfigure.launch.InProcessRestart;
import dev.reload.autoconfigure.scope.LifecycleSwapParticipant;
import dev.reload.autoconfigure.web.servlet.ReloadWebMvcAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.event.ApplicationContextInitializedEvent;
import org.springframework.boot.test.context.runner.AbstractApplicationContextRunner;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.servlet.HandlerInterceptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for the reload auto-configurations, with the application listener installing the
 * class loader as {@code SpringApplication} would.
 *
 * @author reload-spring-boot
 */
class ReloadAutoConfigurationTests {

	private static final AutoConfigurations RELOAD = AutoConfigurations.of(ReloadAutoConfiguration.class,
			ReloadWebMvcAutoConfiguration.class, ReloadEndpointAutoConfiguration.class,
			ReloadHealthContributorAutoConfiguration.class);

	@TempDir
	Path classes;

	private final WebApplicationContextRunner webRunner = new WebApplicationContextRunner()
		.withInitializer(ReloadAutoConfigurationTests::installReloading)
		.withConfiguration(
				AutoConfigurations.of(WebMvcAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
						EndpointAutoConfiguration.class, WebEndpointAutoConfiguration.class))
		.withConfiguration(RELOAD);

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withInitializer(ReloadAutoConfigurationTests::installReloading)
		.withConfiguration(RELOAD);

	@Test
	void webApplicationGetsEngineInterceptorAndWatcherThread() {
		Set<Thread> before = watcherThreads();
		withDirectories(this.webRunner).run((context) -> {
			assertThat(context).hasSingleBean(ReloadEngine.class)
				.hasSingleBean(Reloader.class)
				.hasSingleBean(PendingChanges.class)
				.hasSingleBean(ReloadHealthIndicator.class)
				.hasBean("reloadHandlerInterceptor")
				.hasBean("reloadRequestFilter");
			assertThat(context.getBean("reloadHandlerInterceptor")).isInstanceOf(HandlerInterceptor.class);
			assertThat(context.getClassLoader()).isInstanceOf(ReloadingClassLoader.class);
			assertThat(watcherThreads()).hasSizeGreaterThan(before.size());
		});
		await().atMost(Duration.ofSeconds(10)).until(() -> before.containsAll(watcherThreads()));
	}

	@Test
	void disabledCreatesNoReloadBeansAndStartsNoThreads() {
		Set<Thread> before = watcherThreads();
		withDirectories(this.webRunner).withPropertyValues("reload.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(ReloadEngine.class)
				.doesNotHaveBean(Reloader.class)
				.doesNotHaveBean(PendingChanges.class)
				.doesNotHaveBean(ClassGenerations.class)
				.doesNotHaveBean(ReloadEndpoint.class)
				.doesNotHaveBean(ReloadHealthIndicator.class)
				.doesNotHaveBean("reloadHandlerInterceptor")
				.doesNotHaveBean("reloadRequestFilter");
			assertThat(context.getClassLoader()).isNotInstanceOf(ReloadingClassLoader.class);
			assertThat(before).containsAll(watcherThreads());
		});
	}

	@Test
	void nonWebApplicationGetsNoInterceptor() {
		withDirectories(this.runner).run((context) -> {
			assertThat(context).hasSingleBean(ReloadEngine.class)
				.doesNotHaveBean("reloadHandlerInterceptor")
				.doesNotHaveBean("reloadRequestFilter");
		});
	}

	@Test
	void endpointIsAvailableOnlyWhenExposed() {
		withDirectories(this.webRunner).run((context) -> assertThat(context).doesNotHaveBean(ReloadEndpoint.class));
		withDirectories(this.webRunner).withPropertyValues("management.endpoints.web.exposure.include=reload")
			.run((context) -> assertThat(context).hasSingleBean(ReloadEndpoint.class));
	}

	@Test
	void withoutDirectoriesUnderATestFrameworkReloadingStaysOff() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(ReloadEngine.class)
			.doesNotHaveBean(ClassGenerations.class));
	}

	@Test
	void sourcesAreCompiledWhenASourceDirectoryIsSet(@TempDir Path sources) {
		withDirectories(this.runner)
			.run((context) -> assertThat(context.getBean(SourceCompilation.class)).isSameAs(SourceCompilation.NONE));
		withDirectories(this.runner).withPropertyValues("reload.source-directories=" + sources)
			.run((context) -> assertThat(context.getBean(SourceCompilation.class))
				.isInstanceOf(InProcessSourceCompilation.class));
	}

	@Test
	void restartsAreOffWhenSetToNeverAndUnavailableUnderATestFramework() {
		withDirectories(this.runner).run((context) -> {
			assertThat(context.getBean(ApplicationRestart.class)).isInstanceOf(InProcessRestart.class);
			// not relaunched by its main: nothing to run again
			assertThat(context.getBean(ApplicationRestart.class).isAvailable()).isFalse();
		});
		withDirectories(this.runner).withPropertyValues("reload.restart=never")
			.run((context) -> assertThat(context.getBean(ApplicationRestart.class)).isSameAs(ApplicationRestart.NEVER));
	}

	@Test
	void resourcesReadAtStartUpAreWatchedOnlyWhereARestartCanApplyThem() {
		withDirectories(this.runner).run((context) -> {
			StartupResources resources = context.getBean(StartupResources.class);
			// not relaunched by its main: no restart, so nothing to watch them for
			assertThat(resources.isRunning()).isFalse();
			assertThat(resources.changed()).isEmpty();
		});
		StartupResources own = StartupResources.unwatched();
		withDirectories(this.runner).withBean("ownResources", StartupResources.class, () -> own)
			.run((context) -> assertThat(context.getBean(StartupResources.class)).isSameAs(own));
	}

	@Test
	void webApplicationGetsTheWebParticipants() {
		withDirectories(this.webRunner)
			.run((context) -> assertThat(context).hasBean("reloadControllerAdviceSwapParticipant")
				.hasSingleBean(LifecycleSwapParticipant.class)
				.hasBean("reloadHeldWebBeans")
				.hasBean("reloadConverterBeanSwapParticipant")
				.hasBean("reloadServletFilterSwapParticipant")
				.hasBean("reloadHandlerInterceptorSwapParticipant"));
		withDirectories(this.runner)
			.run((context) -> assertThat(context).doesNotHaveBean("reloadControllerAdviceSwapParticipant")
				.doesNotHaveBean("reloadHeldWebBeans")
				.doesNotHaveBean("reloadConverterBeanSwapParticipant")
				.doesNotHaveBean("reloadHandlerInterceptorSwapParticipant"));
	}

	@Test
	void propertiesAreBound() {
		withDirectories(this.runner)
			.withPropertyValues("reload.all=false", "reload.modules=com.acme.*,com.acme.web.Home",
					"reload.touch-file=/tmp/reload-touch", "reload.debug=true", "reload.quiet-period=250ms")
			.run((context) -> {
				ReloadProperties properties = context.getBean(ReloadProperties.class);
				assertThat(properties.isAll()).isFalse();
				assertThat(properties.getModules()).containsExactly("com.acme.*", "com.acme.web.Home");
				assertThat(properties.getTouchFile()).isEqualTo("/tmp/reload-touch");
				assertThat(properties.isDebug()).isTrue();
				assertThat(properties.getQuietPeriod()).isEqualTo(Duration.ofMillis(250));
				assertThat(properties.getDirectories()).containsExactly(this.classes.toString());
			});
	}

	private <R extends AbstractApplicationContextRunner<R, ?, ?>> R withDirectories(R runner) {
		return runner.withPropertyValues("reload.directories=" + this.classes);
	}

	private static void installReloading(ConfigurableApplicationContext context) {
		new ReloadApplicationListener().onApplicationEvent(
				new ApplicationContextInitializedEvent(new SpringApplication(), new String[0], context));
	}

	private static Set<Thread> watcherThreads() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.getName().equals("reload-watcher") && thread.isAlive())
			.collect(Collectors.toSet());
	}

}
