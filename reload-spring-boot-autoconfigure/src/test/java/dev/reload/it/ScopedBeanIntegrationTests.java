package dev.reload.it;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.jayway.jsonpath.DocumentContext;
import dev.reload.testsupport.SourceCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Request- and session-scoped beans whose classes change, injected through Spring's
 * scoped proxies into a singleton that is not rebuilt: the next request's instance is of
 * the new class, and each request still gets its own, reload after reload.
 *
 * @author reload-spring-boot
 */
class ScopedBeanIntegrationTests {

	@TempDir
	Path classes;

	@Test
	void changedRequestAndSessionScopedBeansAreCreatedFromTheNewClass() throws Exception {
		Map<String, String> sources = new LinkedHashMap<>(FixtureSources.initial());
		sources.putAll(scoped("first"));
		sources.putAll(SourceCompiler.of(FixtureSources.PACKAGE + "ScopedController", """
				package dev.reload.it.fixture.app;

				import org.springframework.web.bind.annotation.GetMapping;
				import org.springframework.web.bind.annotation.RestController;

				@RestController
				public class ScopedController {
					private final Visit visit;
					private final Basket basket;

					public ScopedController(Visit visit, Basket basket) {
						this.visit = visit;
						this.basket = basket;
					}

					@GetMapping("/scoped")
					public String scoped() {
						return this.visit.label() + " " + this.visit.count() + " " + this.basket.label();
					}
				}
				"""));
		SourceCompiler.compile(this.classes, sources);
		try (RunningApplication app = RunningApplication.start(this.classes)) {
			// one browser: its session keeps the basket, each request gets its own visit
			HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
			assertThat(get(browser, app, "/scoped")).isEqualTo("first 1 first1");
			assertThat(get(browser, app, "/scoped")).isEqualTo("first 1 first2");
			SourceCompiler.compile(this.classes, scoped("second"));
			DocumentContext report = app.reloadNow();
			assertThat(report.read("$.outcome", String.class)).isEqualTo("RELOADED");
			// the session's basket of the replaced class is made anew, of the new one
			assertThat(get(browser, app, "/scoped")).isEqualTo("second 1 second1");
			assertThat(get(browser, app, "/scoped")).isEqualTo("second 1 second2");
			// and again: the rebuilt proxies are rebuilt the next time too
			SourceCompiler.compile(this.classes, scoped("third"));
			assertThat(app.reloadNow().read("$.outcome", String.class)).isEqualTo("RELOADED");
			assertThat(get(browser, app, "/scoped")).isEqualTo("third 1 third1");
		}
	}

	private static String get(HttpClient browser, RunningApplication app, String path) throws Exception {
		HttpResponse<String> response = browser.send(
				HttpRequest.newBuilder(URI.create(app.url(path))).timeout(Duration.ofSeconds(20)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	private static Map<String, String> scoped(String label) {
		return SourceCompiler.of(FixtureSources.PACKAGE + "Visit", """
				package dev.reload.it.fixture.app;

				import org.springframework.stereotype.Component;
				import org.springframework.web.context.annotation.RequestScope;

				@Component
				@RequestScope
				public class Visit {
					private int count;

					public String label() {
						return "%s";
					}

					public int count() {
						return ++this.count;
					}
				}
				""".formatted(label), FixtureSources.PACKAGE + "Basket", """
				package dev.reload.it.fixture.app;

				import org.springframework.stereotype.Component;
				import org.springframework.web.context.annotation.SessionScope;

				@Component
				@SessionScope
				public class Basket {
					private int items;

					public String label() {
						return "%s" + (++this.items);
					}
				}
				""".formatted(label));
	}

}
