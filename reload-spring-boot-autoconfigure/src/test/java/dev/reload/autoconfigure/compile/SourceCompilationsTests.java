package dev.reload.autoconfigure.compile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.reload.autoconfigure.change.ClassFileIndex;
import dev.reload.autoconfigure.classloader.ClassDirectories;
import dev.reload.autoconfigure.engine.SourceCompilation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SourceCompilations}: when sources are compiled, and the one line that
 * says why not.
 *
 * @author reload-spring-boot
 */
@ExtendWith(OutputCaptureExtension.class)
class SourceCompilationsTests {

	@TempDir
	Path sources;

	@TempDir
	Path classes;

	@Test
	void aRuntimeWithoutACompilerSaysSoOnceAndCompilesNothing(CapturedOutput output) {
		SourceCompilation compilation = SourceCompilations.forApplication(List.of(this.sources), List.of(this.classes),
				index(), Duration.ofMillis(10), getClass().getClassLoader(), () -> null);
		assertThat(compilation).isSameAs(SourceCompilation.NONE);
		assertThat(output)
			.contains("are not compiled: this Java runtime (" + System.getProperty("java.home")
					+ ") has no compiler (javax.tools)")
			.contains("Class files your build or IDE writes are still reloaded");
	}

	@Test
	void aJdkCompilesTheSources(CapturedOutput output) throws Exception {
		Files.createDirectories(this.sources);
		try (InProcessSourceCompilation compilation = (InProcessSourceCompilation) SourceCompilations.forApplication(
				List.of(this.sources), List.of(this.classes), index(), Duration.ofMillis(10),
				getClass().getClassLoader())) {
			assertThat(compilation.sourceRoots()).containsExactly(this.sources);
			assertThat(output).contains("Edited sources in [" + this.sources + "] are compiled on the next reload");
		}
	}

	@Test
	void anUnreadableBuildFileSaysSoAndCompilesNothing(CapturedOutput output) throws Exception {
		Path root = Files.createDirectories(this.sources.resolve("project/src/main/java"));
		Path pom = Files.writeString(this.sources.resolve("project/pom.xml"), "<project><unclosed></project>");
		SourceCompilation compilation = SourceCompilations.forApplication(List.of(root), List.of(this.classes), index(),
				Duration.ofMillis(10), getClass().getClassLoader());
		assertThat(compilation).isSameAs(SourceCompilation.NONE);
		assertThat(output).contains("are not compiled: Could not read the compiler settings of " + pom)
			.contains("Class files your build or IDE writes are still reloaded");
	}

	@Test
	void noSourceRootsMeansNoCompilation() {
		assertThat(SourceCompilations.forApplication(List.of(), List.of(this.classes), index(), Duration.ofMillis(10),
				getClass().getClassLoader()))
			.isSameAs(SourceCompilation.NONE);
	}

	@Test
	void processorsRunFromTheBuildsProcessorPathAlone() throws Exception {
		Path source = lombokSource();
		Path lombok = ApplicationClassPath.current()
			.stream()
			.filter((entry) -> entry.getFileName().toString().startsWith("lombok-"))
			.findFirst()
			.orElseThrow();
		BuildOptions options = new BuildOptions(17, true, "UTF-8", false, List.of(lombok), List.of(), List.of());
		try (JdkCompiler compiler = new JdkCompiler(javax.tools.ToolProvider.getSystemJavaCompiler(),
				ApplicationClassPath.current(), options)) {
			assertThat(compiler.compile(List.of(source))).containsKey("p.Bean");
		}
	}

	@Test
	void aSourceThatNeedsAMissingProcessorSaysWhichOne() throws Exception {
		Path source = lombokSource();
		// Lombok is on the class path, but the build names where processors are
		BuildOptions options = new BuildOptions(17, true, "UTF-8", false, List.of(this.classes),
				List.of("org.example:absent"), List.of());
		try (JdkCompiler compiler = new JdkCompiler(javax.tools.ToolProvider.getSystemJavaCompiler(),
				ApplicationClassPath.current(), options)) {
			CompilationFailedException failure = org.assertj.core.api.Assertions
				.catchThrowableOfType(CompilationFailedException.class, () -> compiler.compile(List.of(source)));
			assertThat(failure.getErrors())
				.anySatisfy((error) -> assertThat(error).startsWith(source + ":10: error: cannot find symbol"));
			assertThat(failure).hasMessageContaining(
					"Lombok's annotation processor (org.projectlombok:lombok) is needed by these sources but is neither "
							+ "on the class path nor in the build's annotationProcessorPaths")
				.hasMessageContaining("The build's annotationProcessorPaths name [org.example:absent]");
		}
	}

	private Path lombokSource() throws Exception {
		return Files.writeString(Files.createDirectories(this.sources.resolve("p")).resolve("Bean.java"), """
				package p;

				import lombok.Getter;

				public class Bean {
					@Getter
					private final String name = "x";

					public String read() {
						return getName();
					}
				}
				""");
	}

	private ClassFileIndex index() {
		return new ClassFileIndex(new ClassDirectories(List.of(this.classes), List.of()), Map.of());
	}

}
