package dev.reload.samples.clinic.system;

import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Configuration;

/**
 * Finds the {@code @ConfigurationProperties} records of the clinic.
 *
 * @author reload-spring-boot
 */
@Configuration(proxyBeanMethods = false)
@ConfigurationPropertiesScan("dev.reload.samples.clinic")
class SystemConfiguration {

}
