package dev.reload.it;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.jayway.jsonpath.DocumentContext;
import dev.reload.it.lib.Latches;
import dev.reload.testsupport.SourceCompiler;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A slow request holds the request gate only while its handler is looked up, whatever
 * serves it: a reload and other requests go ahead while it runs, on every path, not only
 * Spring MVC controllers.
 *
 * @author reload-spring-boot
 */
class SlowRequestIntegrationTests {

	@TempDir
	Path classes;

	@ParameterizedTest
	@ValueSource(strings = { "/actuator/slow", "/plain/slow", "/slow" })
	void slowRequestHoldsUpNeitherAReloadNorOtherRequests(String path) throws Exception {
		Latches.reset();
		Map<String, String> sources = new LinkedHashMap<>(FixtureSources.initial());
		sources.putAll(slowPaths());
		SourceCompiler.compile(this.classes, sources);
		try (RunningApplication app = RunningApplication.start(this.classes,
				"management.endpoints.web.exposure.include=reload,slow")) {
			CompletableFuture<HttpResponse<String>> slow = CompletableFuture.supplyAsync(() -> app.get(path));
			assertThat(Latches.entered.await(20, TimeUnit.SECONDS)).as("the slow request started").isTrue();
			assertThat(app.get("/greeting").body()).isEqualTo("hello");
			SourceCompiler.compile(this.classes, FixtureSources.helloGreeting("bonjour", ""));
			DocumentContext report = app.reloadNow();
			assertThat(report.read("$.outcome", String.class)).isEqualTo("RELOADED");
			assertThat(report.read("$.durationMillis", Long.class)).isLessThan(5_000);
			assertThat(app.get("/greeting").body()).isEqualTo("bonjour");
			assertThat(slow).isNotDone();
			Latches.release.countDown();
			HttpResponse<String> finished = slow.get(20, TimeUnit.SECONDS);
			assertThat(finished.statusCode()).isEqualTo(200);
			assertThat(finished.body()).contains("slow");
		}
	}

	private static Map<String, String> slowPaths() {
		Map<String, String> sources = new LinkedHashMap<>();
		sources.putAll(SourceCompiler.of(FixtureSources.PACKAGE + "SlowEndpoint", """
				package dev.reload.it.fixture.app;

				import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
				import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
				import org.springframework.stereotype.Component;

				@Component
				@Endpoint(id = "slow")
				public class SlowEndpoint {
					@ReadOperation
					public String slow() throws Exception {
						dev.reload.it.lib.Latches.enterAndAwaitRelease();
						return "slow endpoint";
					}
				}
				"""));
		sources.putAll(SourceCompiler.of(FixtureSources.PACKAGE + "SlowServlets",
				"""
						package dev.reload.it.fixture.app;

						import jakarta.servlet.http.HttpServlet;
						import jakarta.servlet.http.HttpServletRequest;
						import jakarta.servlet.http.HttpServletResponse;
						import org.springframework.boot.web.servlet.ServletRegistrationBean;
						import org.springframework.context.annotation.Bean;
						import org.springframework.context.annotation.Configuration;

						@Configuration(proxyBeanMethods = false)
						public class SlowServlets {
							@Bean
							ServletRegistrationBean<HttpServlet> plainServlet() {
								return new ServletRegistrationBean<>(new HttpServlet() {
									@Override
									protected void doGet(HttpServletRequest request, HttpServletResponse response) throws java.io.IOException {
										try {
											dev.reload.it.lib.Latches.enterAndAwaitRelease();
										}
										catch (InterruptedException ex) {
											Thread.currentThread().interrupt();
										}
										response.getWriter().write("slow servlet");
									}
								}, "/plain/*");
							}
						}
						"""));
		sources.putAll(SourceCompiler.of(FixtureSources.PACKAGE + "SlowController", """
				package dev.reload.it.fixture.app;

				import org.springframework.web.bind.annotation.GetMapping;
				import org.springframework.web.bind.annotation.RestController;

				@RestController
				public class SlowController {
					@GetMapping("/slow")
					public String slow() throws Exception {
						dev.reload.it.lib.Latches.enterAndAwaitRelease();
						return "slow controller";
					}
				}
				"""));
		return sources;
	}

}
