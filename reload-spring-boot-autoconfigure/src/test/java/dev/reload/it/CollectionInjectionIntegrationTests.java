package dev.reload.it;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.jayway.jsonpath.DocumentContext;
import dev.reload.testsupport.SourceCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code List} and a {@code Map} of reloadable beans injected into a consumer that a
 * reload does not rebuild (it depends on the interface only): after a reload they hold
 * the current beans, a rebuilt one's new instance and an added one included, as Spring
 * would inject them now. An {@code Optional}, an {@code ObjectProvider} (one bean and its
 * stream) and a {@code @Lookup} method give the rebuilt bean too.
 *
 * @author reload-spring-boot
 */
class CollectionInjectionIntegrationTests {

	@TempDir
	Path classes;

	@Test
	void injectedCollectionsFollowRebuiltAndAddedBeans() {
		Map<String, String> sources = new LinkedHashMap<>(FixtureSources.initial());
		sources.putAll(SourceCompiler.of(FixtureSources.PACKAGE + "AllGreetingsController", """
				package dev.reload.it.fixture.app;

				import java.util.List;
				import java.util.Map;
				import java.util.TreeMap;
				import java.util.stream.Collectors;

				import org.springframework.web.bind.annotation.GetMapping;
				import org.springframework.web.bind.annotation.RestController;

				@RestController
				public class AllGreetingsController {
					private final List<Greeting> greetings;
					private final Map<String, Greeting> byName;

					public AllGreetingsController(List<Greeting> greetings, Map<String, Greeting> byName) {
						this.greetings = greetings;
						this.byName = byName;
					}

					@GetMapping("/all")
					public String all() {
						return this.greetings.stream().map(Greeting::greet).collect(Collectors.joining(","));
					}

					@GetMapping("/names")
					public String names() {
						return new TreeMap<>(this.byName).keySet() + " " + this.byName.size();
					}
				}
				"""));
		SourceCompiler.compile(this.classes, sources);
		try (RunningApplication app = RunningApplication.start(this.classes)) {
			assertThat(app.get("/all").body()).isEqualTo("hello");
			assertThat(app.get("/names").body()).isEqualTo("[helloGreeting] 1");
			SourceCompiler.compile(this.classes, FixtureSources.helloGreeting("hi", ""));
			DocumentContext report = app.reloadNow();
			assertThat(report.read("$.outcome", String.class)).isEqualTo("RELOADED");
			assertThat(report.read("$.rebuiltBeans", java.util.List.class)).doesNotContain("allGreetingsController");
			assertThat(app.get("/all").body()).isEqualTo("hi");
			SourceCompiler.compile(this.classes, SourceCompiler.of(FixtureSources.PACKAGE + "WarmGreeting", """
					package dev.reload.it.fixture.app;

					import org.springframework.core.annotation.Order;
					import org.springframework.stereotype.Service;

					@Service
					@Order(1)
					public class WarmGreeting implements Greeting {
						@Override
						public String greet() {
							return "warm";
						}
					}
					"""));
			assertThat(app.reloadNow().read("$.outcome", String.class)).isEqualTo("RELOADED");
			assertThat(app.get("/all").body()).isEqualTo("warm,hi");
			assertThat(app.get("/names").body()).isEqualTo("[helloGreeting, warmGreeting] 2");
		}
	}

	@Test
	void optionalsProvidersAndLookupMethodsFollowARebuiltBean() {
		Map<String, String> sources = new LinkedHashMap<>(FixtureSources.initial());
		sources.putAll(SourceCompiler.of(FixtureSources.PACKAGE + "GreetingLookup", """
				package dev.reload.it.fixture.app;

				import org.springframework.beans.factory.annotation.Lookup;
				import org.springframework.stereotype.Component;

				@Component
				public abstract class GreetingLookup {
					@Lookup
					public abstract Greeting greeting();
				}
				""", FixtureSources.PACKAGE + "IndirectGreetingsController",
				"""
						package dev.reload.it.fixture.app;

						import java.util.Optional;
						import java.util.stream.Collectors;

						import org.springframework.beans.factory.ObjectProvider;
						import org.springframework.web.bind.annotation.GetMapping;
						import org.springframework.web.bind.annotation.RestController;

						@RestController
						public class IndirectGreetingsController {
							private final Optional<Greeting> optional;
							private final ObjectProvider<Greeting> provider;
							private final GreetingLookup lookup;

							public IndirectGreetingsController(Optional<Greeting> optional, ObjectProvider<Greeting> provider,
									GreetingLookup lookup) {
								this.optional = optional;
								this.provider = provider;
								this.lookup = lookup;
							}

							@GetMapping("/indirect")
							public String indirect() {
								return this.optional.map(Greeting::greet).orElse("none") + "|" + this.provider.getObject().greet()
										+ "|" + this.provider.stream().map(Greeting::greet).collect(Collectors.joining(","))
										+ "|" + this.lookup.greeting().greet();
							}
						}
						"""));
		SourceCompiler.compile(this.classes, sources);
		try (RunningApplication app = RunningApplication.start(this.classes)) {
			assertThat(app.get("/indirect").body()).isEqualTo("hello|hello|hello|hello");
			SourceCompiler.compile(this.classes, FixtureSources.helloGreeting("hi", ""));
			DocumentContext report = app.reloadNow();
			assertThat(report.read("$.outcome", String.class)).isEqualTo("RELOADED");
			assertThat(report.read("$.rebuiltBeans", java.util.List.class))
				.doesNotContain("indirectGreetingsController", "greetingLookup");
			assertThat(app.get("/indirect").body()).isEqualTo("hi|hi|hi|hi");
		}
	}

}
