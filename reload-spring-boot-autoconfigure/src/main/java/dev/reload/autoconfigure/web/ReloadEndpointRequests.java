package dev.reload.autoconfigure.web;

import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.EndpointId;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.util.function.SingletonSupplier;

/**
 * Recognizes requests to the {@code reload} actuator endpoint, which reloads by itself
 * and reports what it did: the request filters leave them alone.
 *
 * @author reload-spring-boot
 */
public final class ReloadEndpointRequests {

	private static final EndpointId RELOAD = EndpointId.of("reload");

	private final SingletonSupplier<Optional<String>> endpointPath;

	/**
	 * Create an instance.
	 * @param endpoints the web endpoints' paths, when the actuator is there
	 */
	public ReloadEndpointRequests(ObjectProvider<PathMappedEndpoints> endpoints) {
		// the mappings are fixed once the context is up: look the path up once
		this.endpointPath = SingletonSupplier
			.of(() -> Optional.ofNullable(endpoints.getIfAvailable()).map((mapped) -> mapped.getPath(RELOAD)));
	}

	/**
	 * Return whether a request is for the endpoint.
	 * @param pathWithinApplication the request's path, without the context path
	 * @return whether the path is the endpoint's or below it
	 */
	public boolean matches(String pathWithinApplication) {
		String path = this.endpointPath.obtain().orElse(null);
		if (path == null) {
			return false;
		}
		return pathWithinApplication.equals(path) || pathWithinApplication.startsWith(path + "/");
	}

}
