package dev.reload.autoconfigure.orm;

import dev.reload.autoconfigure.ReloadAutoConfiguration;
import dev.reload.autoconfigure.engine.PersistenceUnitRebuild;
import dev.reload.autoconfigure.engine.ReloadEngine;
import org.hibernate.engine.spi.SessionFactoryImplementor;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;

/**
 * Auto-configuration that lets a reload build Hibernate persistence units again when the
 * code of an entity changes, instead of restarting the application.
 *
 * @author reload-spring-boot
 */
@AutoConfiguration(after = ReloadAutoConfiguration.class)
@ConditionalOnClass({ LocalContainerEntityManagerFactoryBean.class, SessionFactoryImplementor.class })
@ConditionalOnBean(ReloadEngine.class)
public final class ReloadPersistenceAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	PersistenceUnitRebuild reloadPersistenceUnitRebuild(ConfigurableListableBeanFactory beanFactory) {
		return new HibernatePersistenceUnits(beanFactory);
	}

}
