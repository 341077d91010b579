package dev.reload.autoconfigure;

import java.util.List;

import dev.reload.autoconfigure.change.ClassFileIndex;
import dev.reload.autoconfigure.change.ClassFileWatcher;
import dev.reload.autoconfigure.classloader.ClassGenerations;
import dev.reload.autoconfigure.engine.ReloadEngine;
import dev.reload.autoconfigure.engine.ReloadHistory;
import dev.reload.autoconfigure.engine.RequestGate;
import dev.reload.autoconfigure.scope.BeanRebuilder;
import dev.reload.autoconfigure.scope.BeanSwapParticipant;
import dev.reload.autoconfigure.scope.ReloadScope;
import dev.reload.autoconfigure.scope.ReloadableBeans;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

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

	@Bean
	ClassFileWatcher reloadClassFileWatcher(ClassFileIndex reloadClassFileIndex,
			ClassGenerations reloadClassGenerations, ReloadProperties properties) {
		return new ClassFileWatcher(reloadClassFileIndex, reloadClassGenerations.directories().roots(),
				properties.getQuietPeriod());
	}

	@Bean
	RequestGate reloadRequestGate(ReloadProperties properties) {
		return new RequestGate(properties.getRequestWait());
	}

	@Bean
	BeanRebuilder reloadBeanRebuilder(ConfigurableListableBeanFactory beanFactory, ReloadScope reloadScope,
			ReloadableBeans reloadableBeans, Environment environment) {
		List<String> basePackages = AutoConfigurationPackages.has(beanFactory)
				? AutoConfigurationPackages.get(beanFactory) : List.of();
		return new BeanRebuilder((DefaultListableBeanFactory) beanFactory, reloadScope, reloadableBeans, environment,
				basePackages);
	}

	@Bean
	ReloadEngine reloader(ClassGenerations reloadClassGenerations, ClassFileIndex reloadClassFileIndex,
			ClassFileWatcher reloadClassFileWatcher, ReloadableBeans reloadableBeans, BeanRebuilder reloadBeanRebuilder,
			RequestGate reloadRequestGate, ObjectProvider<BeanSwapParticipant> participants,
			ReloadProperties properties) {
		return new ReloadEngine(reloadClassGenerations, reloadClassFileIndex, reloadClassFileWatcher, reloadableBeans,
				reloadBeanRebuilder, reloadRequestGate, participants, new ReloadHistory(properties.getHistorySize()),
				new ReloadEngine.Settings(properties.getRequestWait(), properties.getDrainTimeout(),
						properties.isDebug()));
	}

}
