package dev.reload.samples.webflux;

import java.nio.file.Path;
import java.time.Duration;

import dev.reload.autoconfigure.change.PendingChanges;
import dev.reload.samples.support.ClassDirectories;
import dev.reload.samples.support.Http;
import dev.reload.samples.support.SourceEdit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.reactive.context.ReactiveWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Walks the sample: start it on Netty, change the greeting in the source, compile, and
 * the next request is served by the new code while the greeting count goes on.
 *
 * @author reload-spring-boot
 */
class GreetingsApplicationTests {

	@TempDir
	Path classes;

	@TempDir
	Path sources;

	@Test
	void changedGreeterIsServedWithoutARestart() {
		ClassDirectories.copy(Path.of("target/classes"), this.classes);
		try (ConfigurableApplicationContext context = SpringApplication.run(GreetingsApplication.class,
				"--server.port=0", "--reload.directories=" + this.classes, "--spring.main.banner-mode=off")) {
			assertThat(context).isInstanceOf(ReactiveWebServerApplicationContext.class);
			String base = "http://localhost:"
					+ ((ReactiveWebServerApplicationContext) context).getWebServer().getPort();
			assertThat(Http.getOnNewConnection(base + "/greeting")).isEqualTo("Hello, world (greeting 1)\n");
			SourceEdit.compile(Path.of("src/main/java/dev/reload/samples/webflux/Greeter.java"), "\"Hello, \"",
					"\"Bonjour, \"", this.sources, this.classes, this.classes);
			await().atMost(Duration.ofSeconds(20)).until(context.getBean(PendingChanges.class)::needsAttention);
			assertThat(Http.getOnNewConnection(base + "/greeting?name=Netty"))
				.isEqualTo("Bonjour, Netty (greeting 2)\n");
			assertThat(Http.getOnNewConnection(base + "/actuator/reload")).contains("\"trigger\":\"REQUEST\"")
				.contains("\"rebuiltBeans\":[\"greeter\",\"greetingController\"]");
		}
	}

}
