package dev.reload.samples.colours;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;

import dev.reload.samples.support.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the {@code secured} profile, the reload endpoint refuses unauthenticated requests
 * and serves an operator; the application's pages stay open.
 *
 * @author reload-spring-boot
 */
class SecuredProfileTests {

	@TempDir
	Path classes;

	@Test
	void reloadEndpointNeedsAnOperator() {
		try (ConfigurableApplicationContext context = SpringApplication.run(ColoursApplication.class, "--server.port=0",
				"--reload.directories=" + this.classes, "--spring.profiles.active=secured",
				"--spring.main.banner-mode=off")) {
			String base = "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
			assertThat(Http.send(post(base + "/actuator/reload")).statusCode()).isEqualTo(401);
			assertThat(Http.send(post(base + "/actuator/reload/rollback")).statusCode()).isEqualTo(401);
			assertThat(Http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/reload")).GET()).statusCode())
				.isEqualTo(401);
			String credentials = Base64.getEncoder()
				.encodeToString("operator:change-me".getBytes(StandardCharsets.UTF_8));
			HttpResponse<String> authorized = Http
				.send(post(base + "/actuator/reload").header("Authorization", "Basic " + credentials));
			assertThat(authorized.statusCode()).isEqualTo(200);
			assertThat(authorized.body()).contains("\"outcome\":\"NO_CHANGES\"");
			assertThat(Http.send(HttpRequest.newBuilder(URI.create(base + "/colour")).GET()).statusCode())
				.isEqualTo(200);
		}
	}

	private static HttpRequest.Builder post(String url) {
		return HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.noBody());
	}

}
