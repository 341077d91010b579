package dev.reload.autoconfigure.web.servlet;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.EndpointId;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.util.function.SingletonSupplier;

/**
 * Recognizes requests to the {@code reload} actuator endpoint, which reloads by itself
 * and reports what it did: the request filter leaves them alone.
 *
 * @author reload-spring-boot
 */
final class ReloadEndpointRequests {

	private static final EndpointId RELOAD = EndpointId.of("reload");

	private final SingletonSupplier<Optional<String>> endpointPath;

	ReloadEndpointRequests(ObjectProvider<PathMappedEndpoints> endpoints) {
		// the mappings are fixed once the context is up: look the path up once
		this.endpointPath = SingletonSupplier
			.of(() -> Optional.ofNullable(endpoints.getIfAvailable()).map((mapped) -> mapped.getPath(RELOAD)));
	}

	boolean matches(HttpServletRequest request) {
		String path = this.endpointPath.obtain().orElse(null);
		if (path == null) {
			return false;
		}
		String requestPath = request.getRequestURI().substring(request.getContextPath().length());
		return requestPath.equals(path) || requestPath.startsWith(path + "/");
	}

}
