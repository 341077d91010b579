package dev.reload.autoconfigure;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.reload.autoconfigure.change.ClassFileIndex;
import dev.reload.autoconfigure.change.ClassFileTrust;
import dev.reload.autoconfigure.change.PendingChanges;
import dev.reload.autoconfigure.change.StartupResources;
import dev.reload.autoconfigure.change.SourceFiles;
import dev.reload.autoconfigure.classloader.ClassGenerations;
import dev.reload.autoconfigure.compile.SourceCompilations;
import dev.reload.autoconfigure.engine.BackgroundReloader;
import dev.reload.autoconfigure.engine.BeanRetirement;
import dev.reload.Reloader;
import dev.reload.autoconfigure.engine.PersistenceUnitRebuild;
import dev.reload.autoconfigure.engine.ReloadEngine;
import dev.reload.ReloadObserver;
import dev.reload.autoconfigure.event.EventListenerSwapParticipant;
import dev.reload.autoconfigure.engine.ReloadHistory;
import dev.reload.autoconfigure.engine.ApplicationRestart;
import dev.reload.autoconfigure.engine.RequestGate;
import dev.reload.autoconfigure.launch.InProcessRestart;
import dev.reload.autoconfigure.launch.RelaunchedApplication;
import dev.reload.autoconfigure.engine.SourceCompilation;
import dev.reload.autoconfigure.modules.AnnotatedClasses;
import dev.reload.autoconfigure.modules.ChangeSelection;
import dev.reload.autoconfigure.modules.ModulePattern;
import dev.reload.autoconfigure.modules.ModuleRegistrations;
import dev.reload.autoconfigure.modules.TouchFile;
import dev.reload.autoconfigure.scope.BeanRebuilder;
import dev.reload.BeanSwapParticipant;
import dev.reload.autoconfigure.scope.LifecycleSwapParticipant;
import dev.reload.autoconfigure.scope.ReloadScope;
import dev.reload.autoconfigure.scope.ReloadableBeans;
import dev.reload.autoconfigure.scope.StaleClassCaches;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnNotWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ApplicationEventMulticaster;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.util.function.SingletonSupplier;

/**
 * Auto-configuration of the reload engine. It is active when reloading is enabled and
 * {@link ReloadApplicationListener} has put the application's classes into a reloadable
 * class loader, which it does for applications started with {@code SpringApplication}.
 *
 * @author reload-spring-boot
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = "reload.enabled", matchIfMissing = true)
@ConditionalOnBean(ClassGenerations.class)
@EnableConfigurationProperties(ReloadProperties.class)
public final class ReloadAutoConfiguration {

	private static final Log logger = LogFactory.getLog(ReloadAutoConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	ChangeSelection reloadChangeSelection(ClassGenerations reloadClassGenerations, ClassFileIndex reloadClassFileIndex,
			ReloadProperties properties) {
		List<ModulePattern> modules = new ArrayList<>();
		for (int i = 0; i < properties.getModules().size(); i++) {
			String text = properties.getModules().get(i);
			try {
				modules.add(ModulePattern.parse(text));
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidConfigurationPropertyValueException("reload.modules[" + i + "]", text,
						ex.getMessage());
			}
		}
		if (reloadClassFileIndex.packagedClassCount() > 0) {
			logger.info("reload.modules " + modules + " names " + reloadClassFileIndex.packagedClassCount()
					+ " packaged classes; a class file at the same package path in " + properties.getDirectories()
					+ " replaces one on the next reload, and removing it restores the packaged class");
		}
		else if (properties.isAll() && !modules.isEmpty()) {
			logger.warn("reload.modules " + modules + " has no effect while reload.all is true: every class "
					+ "under the reload directories is reloaded; set reload.all=false to reload only these");
		}
		Path touchFilePath = properties.resolvedTouchFile();
		TouchFile touchFile = (touchFilePath != null) ? new TouchFile(touchFilePath) : null;
		if (touchFile != null && properties.isDebug() && touchFile.closedReason() != null) {
			logger.info("Reloads are gated: " + touchFile.closedReason());
		}
		AnnotatedClasses annotatedClasses = new AnnotatedClasses(reloadClassGenerations);
		SourceFiles sources = new SourceFiles(
				properties.resolvedSourceDirectories(reloadClassGenerations.directories().roots()));
		if (properties.isDebug() && !sources.roots().isEmpty()) {
			logger.info("Removed class files whose sources are still in " + sources.roots()
					+ " are being rebuilt: their removal waits");
		}
		return new ChangeSelection(new ModuleRegistrations(properties.isAll(), modules, annotatedClasses),
				annotatedClasses, touchFile, sources);
	}

	@Bean
	@ConditionalOnMissingBean
	PendingChanges reloadPendingChanges(ClassFileIndex reloadClassFileIndex, ClassGenerations reloadClassGenerations,
			ChangeSelection reloadChangeSelection, ReloadProperties properties) {
		return new PendingChanges(reloadClassFileIndex, reloadClassGenerations.directories().roots(),
				properties.getQuietPeriod(), (changes) -> reloadChangeSelection.select(changes).changes(),
				reloadChangeSelection.touchFile());
	}

	@Bean
	@ConditionalOnMissingBean
	SourceCompilation reloadSourceCompilation(ClassGenerations reloadClassGenerations,
			ClassFileIndex reloadClassFileIndex, ReloadProperties properties,
			ConfigurableListableBeanFactory beanFactory) {
		List<Path> classDirectories = reloadClassGenerations.directories().roots();
		return SourceCompilations.forApplication(properties.resolvedSourceDirectories(classDirectories),
				classDirectories, reloadClassFileIndex, properties.getQuietPeriod(), beanFactory.getBeanClassLoader());
	}

	@Bean
	@ConditionalOnMissingBean
	ApplicationRestart reloadApplicationRestart(ReloadProperties properties, ConfigurableApplicationContext context,
			ClassGenerations reloadClassGenerations) {
		return (properties.getRestart() == ReloadProperties.Restart.AUTO)
				? new InProcessRestart(context, reloadClassGenerations) : ApplicationRestart.NEVER;
	}

	@Bean
	@ConditionalOnMissingBean
	StartupResources reloadStartupResources(ApplicationRestart reloadApplicationRestart,
			ClassGenerations reloadClassGenerations, ReloadProperties properties) {
		RelaunchedApplication relaunched = RelaunchedApplication.current();
		// a change to one can only be applied by a restart: left to the next start when
		// there is none
		if (!reloadApplicationRestart.isAvailable() || relaunched == null
				|| relaunched.generations() != reloadClassGenerations) {
			return StartupResources.unwatched();
		}
		Set<Path> ignored = Stream.of(properties.resolvedTouchFile(), properties.resolvedHistoryFile())
			.filter(Objects::nonNull)
			.collect(Collectors.toSet());
		return StartupResources.watched(reloadClassGenerations.directories().roots(), relaunched.resources(), ignored,
				properties.getQuietPeriod());
	}

	@Bean
	@ConditionalOnMissingBean
	RequestGate reloadRequestGate(ReloadProperties properties) {
		return new RequestGate(properties.getRequestWait());
	}

	@Bean
	@ConditionalOnMissingBean
	BeanRebuilder reloadBeanRebuilder(ConfigurableListableBeanFactory beanFactory, ReloadScope reloadScope,
			ReloadableBeans reloadableBeans, Environment environment) {
		List<String> basePackages = AutoConfigurationPackages.has(beanFactory)
				? AutoConfigurationPackages.get(beanFactory) : List.of();
		return new BeanRebuilder((DefaultListableBeanFactory) beanFactory, reloadScope, reloadableBeans, environment,
				basePackages);
	}

	@Bean
	@ConditionalOnMissingBean
	EventListenerSwapParticipant reloadEventListenerSwapParticipant(ConfigurableApplicationContext context,
			@Qualifier(AbstractApplicationContext.APPLICATION_EVENT_MULTICASTER_BEAN_NAME) ApplicationEventMulticaster multicaster) {
		return new EventListenerSwapParticipant(context, multicaster);
	}

	@Bean
	@ConditionalOnMissingBean
	LifecycleSwapParticipant reloadLifecycleSwapParticipant(ConfigurableApplicationContext context) {
		return new LifecycleSwapParticipant(context);
	}

	@Bean
	@ConditionalOnMissingBean
	StaleClassCaches reloadStaleClassCaches(ConfigurableListableBeanFactory beanFactory,
			ClassGenerations reloadClassGenerations) {
		return new StaleClassCaches((DefaultListableBeanFactory) beanFactory, reloadClassGenerations);
	}

	@Bean
	@ConditionalOnMissingBean
	BeanRetirement reloadBeanRetirement(ReloadProperties properties,
			ObjectProvider<StaleClassCaches> reloadStaleClassCaches) {
		return new BeanRetirement(properties.getDrainTimeout(),
				() -> reloadStaleClassCaches.ifAvailable(StaleClassCaches::evictSoon));
	}

	@Bean
	@ConditionalOnMissingBean
	ReloadEngine reloadEngine(ClassGenerations reloadClassGenerations, ClassFileIndex reloadClassFileIndex,
			PendingChanges reloadPendingChanges, ReloadableBeans reloadableBeans, BeanRebuilder reloadBeanRebuilder,
			RequestGate reloadRequestGate, ObjectProvider<BeanSwapParticipant> participants,
			ObjectProvider<ReloadObserver> observers, ChangeSelection reloadChangeSelection,
			BeanRetirement reloadBeanRetirement, SourceCompilation reloadSourceCompilation,
			ApplicationRestart reloadApplicationRestart, StartupResources reloadStartupResources,
			ObjectProvider<PersistenceUnitRebuild> persistenceUnits, ReloadProperties properties) {
		ReloadEngine.Settings settings = new ReloadEngine.Settings(properties.getRequestWait(),
				properties.getDrainTimeout(), properties.isDebug(), properties.getHistorySize(),
				properties.getMode() != ReloadProperties.Mode.MANUAL);
		ReloadHistory history = new ReloadHistory(properties.getHistorySize(), properties.resolvedHistoryFile());
		RelaunchedApplication relaunched = RelaunchedApplication.current();
		if (relaunched != null && relaunched.owns(reloadClassGenerations.applicationClassLoader())) {
			// restarted: the history goes on
			history.restore(relaunched.history());
		}
		ClassFileTrust trust = new ClassFileTrust(reloadClassGenerations.directories(),
				properties.isStrictPermissions());
		// looked up once, at the first reload: every bean exists by then, and a lookup by
		// type reads every bean definition
		SingletonSupplier<List<BeanSwapParticipant>> participantList = SingletonSupplier
			.of(() -> participants.orderedStream().toList());
		SingletonSupplier<List<ReloadObserver>> observerList = SingletonSupplier
			.of(() -> observers.orderedStream().toList());
		return new ReloadEngine(reloadClassGenerations, reloadClassFileIndex, reloadPendingChanges, reloadableBeans,
				reloadBeanRebuilder, reloadRequestGate, () -> participantList.obtain().iterator(), history,
				() -> observerList.obtain().iterator(), reloadChangeSelection, trust, reloadBeanRetirement,
				reloadSourceCompilation, reloadApplicationRestart, reloadStartupResources,
				SingletonSupplier.of(() -> persistenceUnits.getIfAvailable(() -> PersistenceUnitRebuild.NONE)),
				settings);
	}

	@Bean
	@ConditionalOnMissingBean
	Reloader reloader(ReloadEngine reloadEngine) {
		return reloadEngine.reloader();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "reload.mode", havingValue = "watch")
	static class WatchModeConfiguration {

		@Bean
		@ConditionalOnMissingBean
		BackgroundReloader reloadBackgroundReloader(ReloadEngine reloadEngine, PendingChanges reloadPendingChanges,
				SourceCompilation reloadSourceCompilation, StartupResources reloadStartupResources) {
			return new BackgroundReloader(reloadEngine, reloadPendingChanges, reloadSourceCompilation,
					reloadStartupResources);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "reload.mode", havingValue = "auto", matchIfMissing = true)
	@ConditionalOnNotWebApplication
	static class NotWebApplicationConfiguration {

		// no request comes to apply a change: the watcher does
		@Bean
		@ConditionalOnMissingBean
		BackgroundReloader reloadBackgroundReloader(ReloadEngine reloadEngine, PendingChanges reloadPendingChanges,
				SourceCompilation reloadSourceCompilation, StartupResources reloadStartupResources) {
			return new BackgroundReloader(reloadEngine, reloadPendingChanges, reloadSourceCompilation,
					reloadStartupResources);
		}

	}

}
