package dev.reload.it;

import dev.reload.testsupport.SourceCompiler;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.DocumentContext;
import dev.reload.autoconfigure.classloader.ClassGenerations;
import dev.reload.autoconfigure.classloader.GenerationClassLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A configuration class whose change is confined to the code of its methods is applied in
 * place: the configuration bean is made of the new class (enhanced, as Spring does, when
 * its {@code @Bean} methods are proxied), the beans of the {@code @Bean} methods whose
 * code changed are rebuilt, and so is every bean given one of them; the other beans keep
 * their instances and their state. Where what holds a rebuilt bean is not known (a bean
 * of a framework type, a proxied call from another {@code @Bean} method) or what Spring
 * read at start-up changed (a {@code @Bean} method added), the change needs a restart,
 * refused here (restarts are off under tests) with the old code serving.
 *
 * @author reload-spring-boot
 */
class BeanMethodIntegrationTests {

	private static final String CONFIGURATION = FixtureSources.PACKAGE + "MottoConfiguration";

	private static final String MOTTO = FixtureSources.PACKAGE + "Motto";

	private static final String ECHO = """
			@Bean
			public Motto echo() {
				return new Motto("echo of " + motto().text());
			}
			""";

	private static final String SUPPLIER = """
			@Bean
			public java.util.function.Supplier<String> greeting() {
				return () -> "%s";
			}
			""";

	private static final String SLOGAN_METHOD = """
			@Bean
			public Slogan slogan() {
				return new Slogan("veni vidi vici");
			}
			""";

	private static final Map<String, String> SLOGAN = SourceCompiler.of(FixtureSources.PACKAGE + "Slogan", """
			package dev.reload.it.fixture.app;

			public record Slogan(String text) {
			}
			""", FixtureSources.PACKAGE + "SloganController", """
			package dev.reload.it.fixture.app;

			import org.springframework.web.bind.annotation.GetMapping;
			import org.springframework.web.bind.annotation.RestController;

			@RestController
			public class SloganController {
				private final Slogan slogan;

				SloganController(Slogan slogan) {
					this.slogan = slogan;
				}

				@GetMapping("/slogan")
				public String slogan() {
					return this.slogan.text();
				}
			}
			""");

	@TempDir
	Path classes;

	private RunningApplication app;

	@AfterEach
	void stop() {
		if (this.app != null) {
			this.app.close();
		}
	}

	@Test
	void changedBeanMethodRebuildsItsBeanAndWhatWasGivenItInPlace() {
		start(true, "carpe diem", "");
		assertThat(this.app.get("/motto").body()).isEqualTo("carpe diem, tally 1");
		assertThat(this.app.get("/motto").body()).isEqualTo("carpe diem, tally 2");
		SourceCompiler.compile(this.classes, configuration(true, "seize the day", ""));
		DocumentContext report = this.app.reloadNow();
		assertThat(report.read("$.outcome", String.class)).as(report.jsonString()).isEqualTo("RELOADED");
		assertThat(report.read("$.rebuiltBeans", List.class)).containsExactlyInAnyOrder("mottoConfiguration", "motto",
				"mottoController");
		// the new code, and the unchanged @Bean method's bean with its state
		assertThat(this.app.get("/motto").body()).isEqualTo("seize the day, tally 3");
		assertThat(this.app.post("/actuator/reload/rollback").statusCode()).isEqualTo(200);
		assertThat(this.app.get("/motto").body()).isEqualTo("carpe diem, tally 4");
	}

	@Test
	void replacedConfigurationClassIsEvictedFromTheBeanNameCacheOfBeanMethods() {
		start(true, "carpe diem", "");
		SourceCompiler.compile(this.classes, configuration(true, "seize the day", ""));
		assertThat(this.app.reloadNow().read("$.outcome", String.class)).isEqualTo("RELOADED");
		SourceCompiler.compile(this.classes, configuration(true, "pluck the day", ""));
		assertThat(this.app.reloadNow().read("$.outcome", String.class)).isEqualTo("RELOADED");
		assertThat(this.app.get("/motto").body()).isEqualTo("pluck the day, tally 1");
		// a soft cache, which a full collection keeps while memory is plentiful
		Field field = ReflectionUtils.findField(
				ClassUtils.resolveClassName("org.springframework.context.annotation.BeanAnnotationHelper", null),
				"beanNameCache");
		ReflectionUtils.makeAccessible(field);
		Map<?, ?> beanNames = (Map<?, ?>) ReflectionUtils.getField(field, null);
		ClassGenerations generations = this.app.context().getBean(ClassGenerations.class);
		// this application's classes: others that ran in this JVM have their own
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(beanNames.keySet()).map((method) -> ((Method) method).getDeclaringClass())
				.filteredOn((type) -> type.getName().equals(CONFIGURATION)
						&& ((GenerationClassLoader) type.getClassLoader()).belongsTo(generations))
				.isNotEmpty()
				.allMatch((type) -> ((GenerationClassLoader) type.getClassLoader()).generation() == generations
					.generationOf(CONFIGURATION)));
	}

	@Test
	void changedClassMadeByABeanMethodOfALiteConfigurationRebuildsItsBean() {
		start(false, "carpe diem", "");
		assertThat(this.app.get("/motto").body()).isEqualTo("carpe diem (not proxied), tally 1");
		SourceCompiler.compile(this.classes, motto("!"));
		DocumentContext report = this.app.reloadNow();
		assertThat(report.read("$.outcome", String.class)).as(report.jsonString()).isEqualTo("RELOADED");
		assertThat(report.read("$.rebuiltBeans", List.class)).contains("motto", "mottoController")
			.doesNotContain("tally");
		assertThat(this.app.get("/motto").body()).isEqualTo("carpe diem (not proxied)!, tally 2");
	}

	@Test
	void addedBeanMethodRegistersItsBeanAndRemovedOneRemovesIt() throws IOException {
		start(true, "carpe diem", "");
		assertThat(this.app.get("/motto").body()).isEqualTo("carpe diem, tally 1");
		Map<String, String> added = new LinkedHashMap<>(configuration(true, "carpe diem", SLOGAN_METHOD));
		added.putAll(SLOGAN);
		SourceCompiler.compile(this.classes, added);
		DocumentContext report = this.app.reloadNow();
		assertThat(report.read("$.outcome", String.class)).as(report.jsonString()).isEqualTo("RELOADED");
		assertThat(report.read("$.rebuiltBeans", List.class)).contains("mottoConfiguration", "slogan",
				"sloganController");
		assertThat(this.app.get("/slogan").body()).isEqualTo("veni vidi vici");
		assertThat(this.app.get("/motto").body()).isEqualTo("carpe diem, tally 2");
		// the @Bean method and its consumer removed
		SourceCompiler.compile(this.classes, configuration(true, "carpe diem", ""));
		for (String name : List.of("Slogan", "SloganController")) {
			Files.delete(this.classes.resolve("dev/reload/it/fixture/app/" + name + ".class"));
		}
		DocumentContext removal = this.app.reloadNow();
		assertThat(removal.read("$.outcome", String.class)).as(removal.jsonString()).isEqualTo("RELOADED");
		assertThat(removal.read("$.rebuiltBeans", List.class)).contains("slogan", "sloganController");
		assertThat(this.app.context().containsBean("slogan")).isFalse();
		assertThat(this.app.get("/slogan").statusCode()).as(this.app.get("/slogan").body()).isEqualTo(404);
		assertThat(this.app.get("/motto").body()).isEqualTo("carpe diem, tally 3");
		assertThat(this.app.post("/actuator/reload/rollback").statusCode()).isEqualTo(200);
		assertThat(this.app.get("/slogan").body()).isEqualTo("veni vidi vici");
	}

	@Test
	void addedBeanMethodOfALiteConfigurationWithAFrameworkBeanRegistersItsBean() {
		start(false, "carpe diem", SUPPLIER.formatted("hello"));
		Map<String, String> added = new LinkedHashMap<>(
				configuration(false, "carpe diem", SUPPLIER.formatted("hello") + SLOGAN_METHOD));
		added.putAll(SLOGAN);
		SourceCompiler.compile(this.classes, added);
		DocumentContext report = this.app.reloadNow();
		assertThat(report.read("$.outcome", String.class)).as(report.jsonString()).isEqualTo("RELOADED");
		assertThat(this.app.get("/slogan").body()).isEqualTo("veni vidi vici");
	}

	@Test
	void addedBeanMethodOfAFrameworkTypeNeedsARestart() {
		start(true, "carpe diem", "");
		SourceCompiler.compile(this.classes, configuration(true, "carpe diem", SUPPLIER.formatted("hello")));
		assertRefused("bean 'greeting' is a java.util.function.Supplier");
		assertThat(this.app.context().containsBean("greeting")).isFalse();
	}

	@Test
	void addedBeanMethodWithMoreThanABeanAnnotationNeedsARestart() {
		start(true, "carpe diem", "");
		SourceCompiler.compile(this.classes, withSlogan(
				configuration(true, "carpe diem", "@org.springframework.context.annotation.Lazy\n" + SLOGAN_METHOD)));
		assertRefused("has more than a @Bean annotation");
	}

	@Test
	void beanMethodCallingAChangedOneThroughTheProxyNeedsARestart() {
		start(true, "carpe diem", ECHO);
		SourceCompiler.compile(this.classes, configuration(true, "seize the day", ECHO));
		assertRefused("call changed or new ones");
	}

	@Test
	void configurationImplementingAFrameworkCallbackNeedsARestart() {
		String callback = "public class MottoConfiguration implements "
				+ "org.springframework.web.servlet.config.annotation.WebMvcConfigurer {";
		Map<String, String> initial = configuration(true, "carpe diem", "");
		initial.replaceAll((name, source) -> source.replace("public class MottoConfiguration {", callback));
		start(true, "carpe diem", "");
		SourceCompiler.compile(this.classes, initial);
		this.app.close();
		this.app = RunningApplication.start(this.classes);
		Map<String, String> changed = configuration(true, "seize the day", "");
		changed.replaceAll((name, source) -> source.replace("public class MottoConfiguration {", callback));
		SourceCompiler.compile(this.classes, changed);
		// Spring MVC called it once at start-up; a new instance would not be called
		assertRefused(
				"bean 'mottoConfiguration' is a org.springframework.web.servlet.config.annotation.WebMvcConfigurer");
	}

	@Test
	void beanOfAFrameworkTypeNeedsARestart() {
		start(true, "carpe diem", SUPPLIER.formatted("hello"));
		SourceCompiler.compile(this.classes, configuration(true, "carpe diem", SUPPLIER.formatted("bonjour")));
		assertRefused("bean 'greeting' is a java.util.function.Supplier");
	}

	private static Map<String, String> withSlogan(Map<String, String> sources) {
		Map<String, String> all = new LinkedHashMap<>(sources);
		all.putAll(SLOGAN);
		return all;
	}

	private void assertRefused(String reason) {
		DocumentContext report = this.app.reloadNow();
		assertThat(report.read("$.outcome", String.class)).as(report.jsonString()).isEqualTo("FAILED");
		assertThat(report.read("$.error", String.class)).contains("need a restart")
			.contains(CONFIGURATION)
			.contains(reason);
		assertThat(this.app.get("/motto").body()).startsWith("carpe diem, tally");
	}

	private void start(boolean proxied, String text, String more) {
		Map<String, String> sources = new LinkedHashMap<>(FixtureSources.initial());
		sources.putAll(motto(""));
		sources.putAll(configuration(proxied, text, more));
		sources.putAll(SourceCompiler.of(FixtureSources.PACKAGE + "Tally", """
				package dev.reload.it.fixture.app;

				import java.util.concurrent.atomic.AtomicInteger;

				public class Tally {
					private final AtomicInteger count = new AtomicInteger();

					public int next() {
						return this.count.incrementAndGet();
					}
				}
				"""));
		sources.putAll(SourceCompiler.of(FixtureSources.PACKAGE + "MottoController", """
				package dev.reload.it.fixture.app;

				import org.springframework.web.bind.annotation.GetMapping;
				import org.springframework.web.bind.annotation.RestController;

				@RestController
				public class MottoController {
					private final Motto motto;

					private final Tally tally;

					MottoController(Motto motto, Tally tally) {
						this.motto = motto;
						this.tally = tally;
					}

					@GetMapping("/motto")
					public String motto() {
						return this.motto.text() + ", tally " + this.tally.next();
					}
				}
				"""));
		SourceCompiler.compile(this.classes, sources);
		this.app = RunningApplication.start(this.classes);
	}

	private static Map<String, String> configuration(boolean proxied, String text, String more) {
		return SourceCompiler.of(CONFIGURATION, """
				package dev.reload.it.fixture.app;

				import org.springframework.context.annotation.Bean;
				import org.springframework.context.annotation.Configuration;
				import org.springframework.context.annotation.Primary;

				@Configuration(proxyBeanMethods = %s)
				public class MottoConfiguration {
					@Bean
					@Primary
					public Motto motto() {
						// the same bean twice, unless the class is not enhanced
						return new Motto(text() + ((tally() == tally()) ? "" : " (not proxied)"));
					}

					@Bean
					public Tally tally() {
						return new Tally();
					}

					private String text() {
						return "%s";
					}

					%s
				}
				""".formatted(proxied, text, more));
	}

	private static Map<String, String> motto(String suffix) {
		return SourceCompiler.of(MOTTO, """
				package dev.reload.it.fixture.app;

				public class Motto {
					private final String text;

					public Motto(String text) {
						this.text = text;
					}

					public String text() {
						return this.text + "%s";
					}
				}
				""".formatted(suffix));
	}

}
