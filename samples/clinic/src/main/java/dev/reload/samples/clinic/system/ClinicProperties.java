package dev.reload.samples.clinic.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The clinic's settings, a constructor-bound record found by
 * {@code @ConfigurationPropertiesScan}.
 *
 * @param welcome the welcome line
 * @author reload-spring-boot
 */
@ConfigurationProperties("clinic")
public record ClinicProperties(@DefaultValue("Welcome") String welcome) {

}
