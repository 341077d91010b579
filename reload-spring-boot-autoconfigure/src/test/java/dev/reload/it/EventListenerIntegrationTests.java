package dev.reload.it;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.reload.testsupport.SourceCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @EventListener} methods of a rebuilt bean follow it: the new methods receive the
 * events, added ones included, and the old ones no longer do.
 *
 * @author reload-spring-boot
 */
class EventListenerIntegrationTests {

	private static final String PING = FixtureSources.PACKAGE + "Ping";

	private static final String PING_CONTROLLER = FixtureSources.PACKAGE + "PingController";

	private static final String ANNOUNCER = FixtureSources.PACKAGE + "Announcer";

	@TempDir
	Path classes;

	@Test
	void rebuiltListenerReceivesEventsWithItsNewMethods() {
		Map<String, String> sources = new LinkedHashMap<>(FixtureSources.initial());
		sources.putAll(SourceCompiler.of(PING, """
				package dev.reload.it.fixture.app;

				public record Ping(StringBuffer heard) {
				}
				""", PING_CONTROLLER, """
				package dev.reload.it.fixture.app;

				import org.springframework.context.ApplicationEventPublisher;
				import org.springframework.web.bind.annotation.GetMapping;
				import org.springframework.web.bind.annotation.RestController;

				@RestController
				public class PingController {
					private final ApplicationEventPublisher publisher;

					public PingController(ApplicationEventPublisher publisher) {
						this.publisher = publisher;
					}

					@GetMapping("/ping")
					public String ping() {
						Ping ping = new Ping(new StringBuffer());
						this.publisher.publishEvent(ping);
						return ping.heard().toString();
					}
				}
				"""));
		sources.putAll(announcer("@EventListener public void on(Ping ping) { ping.heard().append(\"v1\"); }"));
		SourceCompiler.compile(this.classes, sources);
		try (RunningApplication app = RunningApplication.start(this.classes)) {
			assertThat(app.get("/ping").body()).isEqualTo("v1");
			SourceCompiler.compile(this.classes,
					announcer("@EventListener public void on(Ping ping) { ping.heard().append(\"v2\"); }"));
			assertThat(app.reloadNow().read("$.outcome", String.class)).isEqualTo("RELOADED");
			assertThat(app.get("/ping").body()).isEqualTo("v2");
			SourceCompiler.compile(this.classes, announcer("""
					@EventListener @Order(1) public void on(Ping ping) { ping.heard().append("v3"); }
					@EventListener @Order(2) public void again(Ping ping) { ping.heard().append("+again"); }
					"""));
			assertThat(app.reloadNow().read("$.outcome", String.class)).isEqualTo("RELOADED");
			assertThat(app.get("/ping").body()).isEqualTo("v3+again");
		}
	}

	private static Map<String, String> announcer(String methods) {
		return SourceCompiler.of(ANNOUNCER, """
				package dev.reload.it.fixture.app;

				import org.springframework.context.event.EventListener;
				import org.springframework.core.annotation.Order;
				import org.springframework.stereotype.Component;

				@Component
				public class Announcer {
					%s
				}
				""".formatted(methods));
	}

}
