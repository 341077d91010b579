package dev.reload.autoconfigure.actuate;

import dev.reload.autoconfigure.ReloadAutoConfiguration;
import dev.reload.autoconfigure.ReloadProperties;
import dev.reload.autoconfigure.classloader.ClassGenerations;
import dev.reload.autoconfigure.engine.ReloadEngine;
import dev.reload.autoconfigure.web.ReloadEndpointRequests;
import dev.reload.autoconfigure.modules.ChangeSelection;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@code reload} actuator endpoint. Like every endpoint other
 * than health, it is exposed over HTTP only when
 * {@code management.endpoints.web.exposure.include} names it.
 *
 * @author reload-spring-boot
 */
@AutoConfiguration(after = ReloadAutoConfiguration.class,
		afterName = "org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration")
@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
@ConditionalOnBean(ReloadEngine.class)
@ConditionalOnAvailableEndpoint(ReloadEndpoint.class)
public final class ReloadEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ReloadEndpoint reloadEndpoint(ReloadEngine reloadEngine, ReloadProperties reloadProperties,
			ClassGenerations reloadClassGenerations, ChangeSelection reloadChangeSelection) {
		return new ReloadEndpoint(reloadEngine, reloadProperties, reloadClassGenerations.directories().roots(),
				reloadChangeSelection.touchFile());
	}

	@Bean
	@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints")
	@ConditionalOnMissingBean
	ReloadEndpointRequests reloadEndpointRequests(ObjectProvider<PathMappedEndpoints> pathMappedEndpoints) {
		return new ReloadEndpointRequests(pathMappedEndpoints);
	}

}
