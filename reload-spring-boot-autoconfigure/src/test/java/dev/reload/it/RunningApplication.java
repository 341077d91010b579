package dev.reload.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import dev.reload.autoconfigure.change.PendingChanges;
import dev.reload.autoconfigure.engine.SourceCompilation;
import dev.reload.it.fixture.TestApplication;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.reactive.context.ReactiveWebServerApplicationContext;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An application started for a test from classes compiled into a temporary reload
 * directory, on a random port, with real HTTP calls to it.
 *
 * @author reload-spring-boot
 */
final class RunningApplication implements AutoCloseable {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	private final ConfigurableApplicationContext context;

	private final HttpClient client = newClient();

	/**
	 * Whether each request goes on a connection of its own: Reactor Netty 1.3.7 can stop
	 * reading a keep-alive connection when the next request arrives before the previous
	 * exchange has terminated (reactor/reactor-netty#4361), which a client that sends
	 * request after request on one connection runs into.
	 */
	private final boolean newConnectionPerRequest;

	private final String baseUrl;

	private RunningApplication(ConfigurableApplicationContext context) {
		this.context = context;
		this.newConnectionPerRequest = context instanceof ReactiveWebServerApplicationContext;
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		this.baseUrl = "http://localhost:" + port;
	}

	/**
	 * Start the application with the given directory as its only reload directory.
	 */
	static RunningApplication start(Path classes, String... properties) {
		List<String> all = new ArrayList<>(List.of("reload.directories=" + classes));
		all.addAll(List.of(properties));
		return startWith(all.toArray(String[]::new));
	}

	/**
	 * Start the application with the given properties, which name the reload directories.
	 */
	static RunningApplication startWith(String... properties) {
		return startWith(WebApplicationType.SERVLET, properties);
	}

	/**
	 * Start the application as a Spring WebFlux application, with the given directory as
	 * its only reload directory.
	 */
	static RunningApplication startReactive(Path classes, String... properties) {
		List<String> all = new ArrayList<>(List.of("reload.directories=" + classes));
		all.addAll(List.of(properties));
		return startWith(WebApplicationType.REACTIVE, all.toArray(String[]::new));
	}

	private static RunningApplication startWith(WebApplicationType type, String... properties) {
		List<String> all = new ArrayList<>(List.of("server.port=0", "management.endpoints.web.exposure.include=reload",
				"spring.main.banner-mode=off"));
		all.addAll(List.of(properties));
		return new RunningApplication(new SpringApplicationBuilder(TestApplication.class).web(type)
			.properties(all.toArray(String[]::new))
			.run());
	}

	ConfigurableApplicationContext context() {
		return this.context;
	}

	String url(String path) {
		return this.baseUrl + path;
	}

	HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(URI.create(this.baseUrl + path)).GET());
	}

	HttpResponse<String> post(String path) {
		return send(HttpRequest.newBuilder(URI.create(this.baseUrl + path)).POST(HttpRequest.BodyPublishers.noBody()));
	}

	/**
	 * Reload through the endpoint.
	 * @return the report
	 */
	DocumentContext reloadNow() {
		HttpResponse<String> response = post("/actuator/reload");
		assertThat(response.statusCode()).isEqualTo(200);
		return JsonPath.parse(response.body());
	}

	/**
	 * Read the endpoint's status.
	 * @return the status
	 */
	DocumentContext status() {
		HttpResponse<String> response = get("/actuator/reload");
		assertThat(response.statusCode()).isEqualTo(200);
		return JsonPath.parse(response.body());
	}

	/**
	 * Wait until the application's watcher has seen the change just written, so that the
	 * next request is the first one after the change.
	 */
	void awaitChangeNoticed() {
		PendingChanges watcher = this.context.getBean(PendingChanges.class);
		await().atMost(TIMEOUT).until(watcher::needsAttention);
	}

	/**
	 * Wait until the application's source watcher has seen the sources just saved, so
	 * that the next request is the first one after the edit.
	 */
	void awaitSourcesNoticed() {
		SourceCompilation sources = this.context.getBean(SourceCompilation.class);
		await().atMost(TIMEOUT).until(sources::needsAttention);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			HttpClient client = this.newConnectionPerRequest ? newClient() : this.client;
			return client.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static HttpClient newClient() {
		return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();
	}

	@Override
	public void close() {
		this.context.close();
	}

}
