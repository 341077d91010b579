package dev.reload.autoconfigure.web.servlet;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.EndpointId;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;

/**
 * Recognizes requests to the {@code reload} actuator endpoint, which reloads by itself
 * and reports what it did: the request filter leaves them alone.
 *
 * @author reload-spring-boot
 */
final class ReloadEndpointRequests {

	private static final EndpointId RELOAD = EndpointId.of("reload");

	private final ObjectProvider<PathMappedEndpoints> endpoints;

	ReloadEndpointRequests(ObjectProvider<PathMappedEndpoints> endpoints) {
		this.endpoints = endpoints;
	}

	boolean matches(HttpServletRequest request) {
		String path = endpointPath();
		if (path == null) {
			return false;
		}
		String requestPath = request.getRequestURI().substring(request.getContextPath().length());
		return requestPath.equals(path) || requestPath.startsWith(path + "/");
	}

	private @Nullable String endpointPath() {
		PathMappedEndpoints mapped = this.endpoints.getIfAvailable();
		return (mapped != null) ? mapped.getPath(RELOAD) : null;
	}

}
