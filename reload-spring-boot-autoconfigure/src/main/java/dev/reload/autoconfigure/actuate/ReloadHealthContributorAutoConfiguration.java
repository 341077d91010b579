package dev.reload.autoconfigure.actuate;

import dev.reload.autoconfigure.ReloadAutoConfiguration;
import dev.reload.autoconfigure.engine.ReloadEngine;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@code reload} health contributor.
 *
 * @author reload-spring-boot
 */
@AutoConfiguration(after = ReloadAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.health.contributor.AbstractHealthIndicator")
@ConditionalOnBean(ReloadEngine.class)
@ConditionalOnEnabledHealthIndicator("reload")
public final class ReloadHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "reloadHealthIndicator")
	ReloadHealthIndicator reloadHealthIndicator(ReloadEngine reloadEngine) {
		return new ReloadHealthIndicator(reloadEngine);
	}

}
