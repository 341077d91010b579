package dev.reload.autoconfigure.observation;

import dev.reload.observation.ReloadObservationConvention;
import dev.reload.autoconfigure.ReloadAutoConfiguration;
import dev.reload.autoconfigure.engine.ReloadEngine;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of an {@link io.micrometer.observation.Observation} around each
 * reload, when an observation registry is there.
 *
 * @author reload-spring-boot
 */
@AutoConfiguration(after = { ReloadAutoConfiguration.class, ObservationAutoConfiguration.class })
@ConditionalOnClass({ ObservationRegistry.class, ObservationAutoConfiguration.class })
@ConditionalOnBean({ ReloadEngine.class, ObservationRegistry.class })
public final class ReloadObservationAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ObservationReloadObserver reloadObservationObserver(ObservationRegistry observationRegistry,
			ObjectProvider<ReloadObservationConvention> convention) {
		return new ObservationReloadObserver(observationRegistry,
				convention.getIfAvailable(DefaultReloadObservationConvention::new));
	}

}
