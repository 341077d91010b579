package dev.reload.it;

import dev.reload.testsupport.SourceCompiler;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.jayway.jsonpath.DocumentContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A change that reaches a configuration class is reported as needing a restart, and
 * nothing is reloaded: never a silent half-reload.
 *
 * @author reload-spring-boot
 */
class RestartRequiredIntegrationTests {

	private static final String MOTTO = FixtureSources.PACKAGE + "Motto";

	private static final String MOTTO_CONFIGURATION = FixtureSources.PACKAGE + "MottoConfiguration";

	@TempDir
	Path classes;

	private RunningApplication app;

	@BeforeEach
	void start() {
		Map<String, String> sources = new LinkedHashMap<>(FixtureSources.initial());
		sources.putAll(motto("carpe diem"));
		sources.putAll(SourceCompiler.of(MOTTO_CONFIGURATION, """
				package dev.reload.it.fixture.app;

				import org.springframework.context.annotation.Bean;
				import org.springframework.context.annotation.Configuration;
				import org.springframework.web.bind.annotation.GetMapping;
				import org.springframework.web.bind.annotation.RestController;

				@Configuration
				public class MottoConfiguration {
					@Bean
					public Motto motto() {
						return new Motto();
					}

					@RestController
					static class MottoController {
						private final Motto motto;

						MottoController(Motto motto) {
							this.motto = motto;
						}

						@GetMapping("/motto")
						public String motto() {
							return this.motto.text();
						}
					}
				}
				"""));
		SourceCompiler.compile(this.classes, sources);
		this.app = RunningApplication.start(this.classes);
	}

	@AfterEach
	void stop() {
		this.app.close();
	}

	@Test
	void changeReachingAConfigurationClassNeedsARestartAndReloadsNothing() {
		assertThat(this.app.get("/motto").body()).isEqualTo("carpe diem");
		SourceCompiler.compile(this.classes, motto("seize the day"));
		DocumentContext report = this.app.reloadNow();
		assertThat(report.read("$.outcome", String.class)).isEqualTo("FAILED");
		assertThat(report.read("$.generation", Integer.class)).isZero();
		assertThat(report.read("$.error", String.class)).contains("need a restart")
			.contains(MOTTO_CONFIGURATION)
			.contains(MOTTO);
		assertThat(this.app.get("/motto").body()).isEqualTo("carpe diem");
		// a later, unrelated change is not half-applied without the pending one
		SourceCompiler.compile(this.classes, FixtureSources.colours("blue"));
		DocumentContext later = this.app.reloadNow();
		assertThat(later.read("$.outcome", String.class)).isEqualTo("FAILED");
		assertThat(this.app.get("/colour").body()).isEqualTo("the color is white");
	}

	private static Map<String, String> motto(String text) {
		return SourceCompiler.of(MOTTO, """
				package dev.reload.it.fixture.app;

				public class Motto {
					public String text() {
						return "%s";
					}
				}
				""".formatted(text));
	}

}
