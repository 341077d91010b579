package dev.reload.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A {@code GET} through {@link HttpURLConnection}: blocking, light, and keeping
 * connections alive the way browsers do, so that the load client measures the server
 * rather than itself.
 *
 * @author reload-spring-boot
 */
final class PlainHttp {

	private PlainHttp() {
	}

	/**
	 * Send a {@code GET}.
	 * @param url the URL
	 * @param timeoutMillis connect and read timeout
	 * @return the status and the body
	 * @throws IOException if the request fails
	 */
	static Answer get(String url, int timeoutMillis) throws IOException {
		HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
		connection.setConnectTimeout(timeoutMillis);
		connection.setReadTimeout(timeoutMillis);
		int status = connection.getResponseCode();
		try (InputStream body = (status < 400) ? connection.getInputStream() : connection.getErrorStream()) {
			return new Answer(status, (body != null) ? new String(body.readAllBytes(), StandardCharsets.UTF_8) : "");
		}
	}

	/**
	 * An answer.
	 *
	 * @param status the status code
	 * @param body the body
	 */
	record Answer(int status, String body) {

	}

}
