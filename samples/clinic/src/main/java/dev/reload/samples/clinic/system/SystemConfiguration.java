package dev.reload.samples.clinic.system;

import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.context.annotation.Configuration;

/**
 * Finds the {@code @ConfigurationProperties} records of the clinic, and caches the vets,
 * as PetClinic does.
 *
 * @author reload-spring-boot
 */
@Configuration(proxyBeanMethods = false)
@ConfigurationPropertiesScan("dev.reload.samples.clinic")
@EnableCaching
class SystemConfiguration {

}
