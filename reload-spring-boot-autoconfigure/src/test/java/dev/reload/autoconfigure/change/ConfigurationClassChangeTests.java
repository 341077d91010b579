package dev.reload.autoconfigure.change;

import dev.reload.testsupport.SourceCompiler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link ConfigurationClassChange}, on class files compiled from two versions
 * of a configuration class.
 *
 * @author reload-spring-boot
 */
class ConfigurationClassChangeTests {

	private static final String NAME = "com.example.AppConfiguration";

	private static final String BASE = """
			package com.example;

			import java.util.function.Supplier;

			import org.springframework.context.annotation.Bean;
			import org.springframework.context.annotation.Configuration;

			@Configuration
			public class AppConfiguration {
				@Bean
				public StringBuilder greeting() {
					return new StringBuilder(text());
				}

				@Bean
				public Supplier<String> farewell() {
					return () -> "%s";
				}

				@Bean
				public Object both() {
					return greeting().toString() + farewell().get();
				}

				private String text() {
					return "%s";
				}
			}
			""";

	@TempDir
	Path directory;

	@Test
	void unchangedClassChangesNoBeanMethod() throws IOException {
		ConfigurationClassChange change = change(version("bye", "hello"), version("bye", "hello"));
		assertThat(change.refusal()).isNull();
		assertThat(change.changedBeanMethods(Set.of(NAME), true)).isEmpty();
	}

	@Test
	void changedHelperChangesTheBeanMethodsThatCallIt() throws IOException {
		ConfigurationClassChange change = change(version("bye", "hello"), version("bye", "hi"));
		assertThat(change.refusal()).isNull();
		// proxied, both() is given the bean of greeting(); not proxied, it runs its code
		assertThat(change.changedBeanMethods(Set.of(NAME), true)).containsExactly("greeting");
		assertThat(change.changedBeanMethods(Set.of(NAME), false)).containsExactly("both", "greeting");
		assertThat(change.callersOf(Set.of("greeting"))).containsOnlyKeys("both");
	}

	@Test
	void changedLambdaChangesTheBeanMethodThatMakesIt() throws IOException {
		ConfigurationClassChange change = change(version("bye", "hello"), version("ciao", "hello"));
		assertThat(change.changedBeanMethods(Set.of(NAME), true)).containsExactly("farewell");
	}

	@Test
	void beanMethodReferringToAnAffectedClassIsChanged() throws IOException {
		byte[] same = version("bye", "hello");
		ConfigurationClassChange change = change(same, same);
		// both() calls greeting() for a StringBuilder; farewell() refers to none
		assertThat(change.changedBeanMethods(Set.of(NAME, "java.lang.StringBuilder"), true)).containsExactly("both",
				"greeting");
	}

	@Test
	void addedAndRemovedBeanMethodsAreSeen() throws IOException {
		String added = BASE.replace("private String text()",
				"@Bean(name = \"theAnswer\", initMethod = \"start\", autowireCandidate = false)\n"
						+ "public Integer answer() { return 42; }\n\nprivate String text()");
		ConfigurationClassChange change = change(version("bye", "hello"), compile(added.formatted("bye", "hello")));
		assertThat(change.refusal()).isNull();
		assertThat(change.addedBeanMethods()).containsOnlyKeys("answer");
		ConfigurationClassChange.AddedBeanMethod answer = change.addedBeanMethods().get("answer");
		assertThat(answer.beanNames()).containsExactly("theAnswer");
		assertThat(answer.initMethod()).isEqualTo("start");
		assertThat(answer.destroyMethod()).isEqualTo("(inferred)");
		assertThat(answer.autowireCandidate()).isFalse();
		assertThat(answer.defaultCandidate()).isTrue();
		assertThat(answer.returnType()).isEqualTo("java.lang.Integer");
		assertThat(change.changedBeanMethods(Set.of(NAME), true)).isEmpty();
		ConfigurationClassChange removal = change(compile(added.formatted("bye", "hello")), version("bye", "hello"));
		assertThat(removal.refusal()).isNull();
		assertThat(removal.removedBeanMethods()).containsExactly("answer");
		assertThat(removal.addedBeanMethods()).isEmpty();
	}

	@Test
	void addedBeanMethodWithMoreThanABeanAnnotationIsRefused() throws IOException {
		String added = BASE.replace("private String text()",
				"@Bean @org.springframework.context.annotation.Primary public Integer answer() { return 42; }\n\n"
						+ "private String text()");
		ConfigurationClassChange change = change(version("bye", "hello"), compile(added.formatted("bye", "hello")));
		assertThat(change.refusal()).contains("new @Bean method answer has more than a @Bean annotation");
	}

	@Test
	void reannotatedBeanMethodIsRefused() throws IOException {
		String lazy = BASE.replace("@Bean\n\tpublic Supplier",
				"@Bean\n\t@org.springframework.context.annotation.Lazy\n" + "\tpublic Supplier");
		assertThat(lazy).isNotEqualTo(BASE);
		ConfigurationClassChange change = change(version("bye", "hello"), compile(lazy.formatted("bye", "hello")));
		assertThat(change.refusal()).contains("annotated otherwise");
	}

	@Test
	void changedClassAnnotationIsRefused() throws IOException {
		String lite = BASE.replace("@Configuration\n", "@Configuration(proxyBeanMethods = false)\n");
		assertThat(lite).isNotEqualTo(BASE);
		ConfigurationClassChange change = change(version("bye", "hello"), compile(lite.formatted("bye", "hello")));
		assertThat(change.refusal()).contains("declaration changed");
	}

	@Test
	void addedFieldIsRefused() throws IOException {
		String field = BASE.replace("public class AppConfiguration {",
				"public class AppConfiguration {\n\tprivate int count;\n");
		ConfigurationClassChange change = change(version("bye", "hello"), compile(field.formatted("bye", "hello")));
		assertThat(change.refusal()).contains("fields changed");
	}

	@Test
	void staticBeanMethodIsSeen() throws IOException {
		String withStatic = BASE.replace("public StringBuilder greeting()", "public static StringBuilder greeting()")
			.replace("new StringBuilder(text())", "new StringBuilder(\"x\")");
		ConfigurationClassChange change = change(compile(withStatic.formatted("bye", "hello")),
				compile(withStatic.formatted("bye", "hello")));
		assertThat(change.hasStaticBeanMethods()).isTrue();
		assertThat(change(version("bye", "hello"), version("bye", "hello")).hasStaticBeanMethods()).isFalse();
	}

	@Test
	void brokenClassFileIsRefusedNamingTheClass() throws IOException {
		byte[] broken = new byte[] { (byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0, 61, 1 };
		assertThatIllegalArgumentException().isThrownBy(() -> change(version("bye", "hello"), broken))
			.withMessageStartingWith("The class file of " + NAME + " could not be read");
	}

	private ConfigurationClassChange change(byte[] before, byte[] after) {
		return ConfigurationClassChange.of(NAME, before, after);
	}

	private byte[] version(String farewell, String text) throws IOException {
		return compile(BASE.formatted(farewell, text));
	}

	private byte[] compile(String source) throws IOException {
		Path output = Files.createTempDirectory(this.directory, "classes");
		SourceCompiler.compile(output, SourceCompiler.of(NAME, source));
		return Files.readAllBytes(output.resolve("com/example/AppConfiguration.class"));
	}

}
