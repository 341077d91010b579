package dev.reload.it;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.reload.testsupport.SourceCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.aop.support.AopUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bean that Spring wraps in a class-based proxy (here for {@code @Async}, as for
 * {@code @Transactional} or {@code @Validated}) is rebuilt, proxy and all, from the new
 * generation.
 *
 * @author reload-spring-boot
 */
class ProxiedBeanIntegrationTests {

	private static final String ASYNC_CONFIGURATION = FixtureSources.PACKAGE + "AsyncConfiguration";

	private static final String SHOUTER = FixtureSources.PACKAGE + "Shouter";

	private static final String SHOUT_CONTROLLER = FixtureSources.PACKAGE + "ShoutController";

	@TempDir
	Path classes;

	@Test
	void classProxiedBeanIsRebuiltFromTheNewGeneration() {
		Map<String, String> sources = new LinkedHashMap<>(FixtureSources.initial());
		sources.putAll(SourceCompiler.of(ASYNC_CONFIGURATION, """
				package dev.reload.it.fixture.app;

				import org.springframework.context.annotation.Configuration;
				import org.springframework.scheduling.annotation.EnableAsync;

				@Configuration
				@EnableAsync(proxyTargetClass = true)
				public class AsyncConfiguration {
				}
				""", SHOUT_CONTROLLER, """
				package dev.reload.it.fixture.app;

				import org.springframework.web.bind.annotation.GetMapping;
				import org.springframework.web.bind.annotation.RestController;

				@RestController
				public class ShoutController {
					private final Shouter shouter;

					public ShoutController(Shouter shouter) {
						this.shouter = shouter;
					}

					@GetMapping("/shout")
					public String shout() throws Exception {
						return this.shouter.shout().get();
					}
				}
				"""));
		sources.putAll(shouter("hey"));
		SourceCompiler.compile(this.classes, sources);
		try (RunningApplication app = RunningApplication.start(this.classes)) {
			assertThat(app.get("/shout").body()).isEqualTo("hey");
			assertThat(AopUtils.isCglibProxy(app.context().getBean("shouter"))).isTrue();
			SourceCompiler.compile(this.classes, shouter("HEY"));
			assertThat(app.reloadNow().read("$.outcome", String.class)).isEqualTo("RELOADED");
			assertThat(app.get("/shout").body()).isEqualTo("HEY");
			Object shouter = app.context().getBean("shouter");
			assertThat(AopUtils.isCglibProxy(shouter)).isTrue();
			assertThat(AopUtils.getTargetClass(shouter).getClassLoader()).isNotSameAs(app.context().getClassLoader());
		}
	}

	private static Map<String, String> shouter(String text) {
		return SourceCompiler.of(SHOUTER, """
				package dev.reload.it.fixture.app;

				import java.util.concurrent.CompletableFuture;
				import org.springframework.scheduling.annotation.Async;
				import org.springframework.stereotype.Service;

				@Service
				public class Shouter {
					@Async
					public CompletableFuture<String> shout() {
						return CompletableFuture.completedFuture("%s");
					}
				}
				""".formatted(text));
	}

}
