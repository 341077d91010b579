package dev.reload.it;

import dev.reload.testsupport.SourceCompiler;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.DocumentContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A change of a configuration class that cannot be applied in place (here a new
 * {@code @Bean} method of a type not of the application) is reported as needing a restart
 * when restarts are off (as under a test framework), and nothing of it is reloaded. It
 * does not block a later, unrelated change, which is applied alone, while the refused one
 * keeps its previous code until its file changes again.
 *
 * @author reload-spring-boot
 */
class RestartRequiredIntegrationTests {

	private static final String MOTTO = FixtureSources.PACKAGE + "Motto";

	private static final String MOTTO_CONFIGURATION = FixtureSources.PACKAGE + "MottoConfiguration";

	private static final String NEW_BEAN_METHOD = """
			@Bean
			public String slogan() {
				return "%s";
			}
			""";

	@TempDir
	Path classes;

	private RunningApplication app;

	@BeforeEach
	void start() {
		Map<String, String> sources = new LinkedHashMap<>(FixtureSources.initial());
		sources.putAll(motto("carpe diem"));
		sources.putAll(configuration(""));
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
		// a new @Bean method whose bean is not of an application class: a framework may
		// look beans of its type up
		SourceCompiler.compile(this.classes, configuration(NEW_BEAN_METHOD.formatted("seize the day")));
		DocumentContext report = this.app.reloadNow();
		assertThat(report.read("$.outcome", String.class)).isEqualTo("FAILED");
		assertThat(report.read("$.generation", Integer.class)).isZero();
		assertThat(report.read("$.error", String.class)).contains("need a restart")
			.contains(MOTTO_CONFIGURATION)
			.contains("bean 'slogan' is a java.lang.String");
		assertThat(this.app.get("/motto").body()).isEqualTo("carpe diem");
		// a later, unrelated change is applied without the refused one, which keeps its
		// previous code
		SourceCompiler.compile(this.classes, FixtureSources.colours("blue"));
		DocumentContext later = this.app.reloadNow();
		assertThat(later.read("$.outcome", String.class)).isEqualTo("RELOADED");
		assertThat(later.read("$.changedClasses", List.class)).containsExactly(FixtureSources.COLOURS);
		assertThat(this.app.get("/colour").body()).isEqualTo("the color is blue");
		assertThat(this.app.get("/motto").body()).isEqualTo("carpe diem");
		// asked for alone, it is refused again, with the reason
		DocumentContext again = this.app.reloadNow();
		assertThat(again.read("$.outcome", String.class)).isEqualTo("FAILED");
		assertThat(again.read("$.error", String.class)).contains("need a restart").contains(MOTTO_CONFIGURATION);
		// changed again, it is tried again
		SourceCompiler.compile(this.classes, configuration(NEW_BEAN_METHOD.formatted("seize the day!")));
		assertThat(this.app.reloadNow().read("$.changedClasses", List.class)).containsExactly(MOTTO_CONFIGURATION);
	}

	private static Map<String, String> configuration(String more) {
		return SourceCompiler.of(MOTTO_CONFIGURATION, """
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

					%s

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
				""".formatted(more));
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
