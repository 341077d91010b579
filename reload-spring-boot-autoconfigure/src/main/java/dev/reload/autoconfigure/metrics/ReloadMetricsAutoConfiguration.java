package dev.reload.autoconfigure.metrics;

import dev.reload.autoconfigure.ReloadAutoConfiguration;
import dev.reload.autoconfigure.classloader.ClassGenerations;
import dev.reload.autoconfigure.engine.ReloadEngine;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the reload meters, when Micrometer and a meter registry are
 * there.
 *
 * @author reload-spring-boot
 */
@AutoConfiguration(after = { ReloadAutoConfiguration.class, MetricsAutoConfiguration.class,
		CompositeMeterRegistryAutoConfiguration.class })
@ConditionalOnClass({ MeterRegistry.class, MetricsAutoConfiguration.class })
@ConditionalOnBean({ ReloadEngine.class, MeterRegistry.class })
public final class ReloadMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ReloadMetrics reloadMetrics(ClassGenerations reloadClassGenerations) {
		return new ReloadMetrics(reloadClassGenerations);
	}

}
