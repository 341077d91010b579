package dev.reload.samples.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Plain HTTP calls to a running sample, with one client for all of them.
 *
 * @author reload-spring-boot
 */
public final class Http {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	// HTTP/1.1, as browsers and curl speak it to a plain-text server
	private static final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(TIMEOUT)
		.build();

	private Http() {
	}

	/**
	 * {@code GET} a URL that must answer 200.
	 * @param url the URL
	 * @return the body
	 */
	public static String get(String url) {
		return ok(send(HttpRequest.newBuilder(URI.create(url)).GET()), url);
	}

	/**
	 * {@code GET} a URL that must answer 200, on a connection of its own: Reactor Netty
	 * 1.3.7 can stop reading a keep-alive connection when the next request arrives before
	 * the previous exchange has terminated (reactor/reactor-netty#4361).
	 * @param url the URL
	 * @return the body
	 */
	public static String getOnNewConnection(String url) {
		HttpClient own = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();
		return ok(send(own, HttpRequest.newBuilder(URI.create(url)).GET()), url);
	}

	/**
	 * {@code POST} nothing to a URL that must answer 200.
	 * @param url the URL
	 * @return the body
	 */
	public static String post(String url) {
		return ok(send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.noBody())), url);
	}

	/**
	 * Send a request.
	 * @param request the request
	 * @return the response
	 */
	public static HttpResponse<String> send(HttpRequest.Builder request) {
		return send(client, request);
	}

	private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) {
		try {
			return client.send(request.timeout(TIMEOUT).build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String ok(HttpResponse<String> response, String url) {
		if (response.statusCode() != 200) {
			throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
		}
		return response.body();
	}

}
