package dev.reload.autoconfigure;

import java.util.Map;

import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The defaults an application under development gets for properties it does not set, as
 * DevTools' property defaults give them: templates are read again on every request and
 * static resources are not cached, so that an edited one is served on the next request.
 *
 * @author reload-spring-boot
 */
final class DevelopmentProperties {

	static final String NAME = "reloadDevelopmentProperties";

	private static final Map<String, Object> PROPERTIES = Map.of("spring.thymeleaf.cache", "false",
			"spring.freemarker.cache", "false", "spring.groovy.template.cache", "false",
			"spring.mustache.servlet.cache", "false", "spring.web.resources.cache.period", "0",
			"spring.web.resources.chain.cache", "false", "spring.template.provider.cache", "false");

	private DevelopmentProperties() {
	}

	/**
	 * Add the defaults to an environment, behind every other property source.
	 * @param environment the environment
	 */
	static void addTo(ConfigurableEnvironment environment) {
		if (!environment.getPropertySources().contains(NAME)) {
			environment.getPropertySources().addLast(new MapPropertySource(NAME, PROPERTIES));
		}
	}

}
