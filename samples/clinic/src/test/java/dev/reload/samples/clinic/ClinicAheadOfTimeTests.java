package dev.reload.samples.clinic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import dev.reload.samples.support.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ahead-of-time processing ({@code spring-boot:process-aot}) works with the starter on
 * the class path: the processor runs the clinic with reloading off, and the processed
 * clinic starts, serves, and says why reloading is off.
 *
 * @author reload-spring-boot
 */
class ClinicAheadOfTimeTests {

	@TempDir
	Path directory;

	@Test
	void processedAheadOfTimeAndStartedWithReloadingOff() throws IOException {
		Path sources = this.directory.resolve("sources");
		Path resources = this.directory.resolve("resources");
		Path classes = this.directory.resolve("classes");
		String processing = ClinicProcess.run(this.directory, "org.springframework.boot.SpringApplicationAotProcessor",
				ClinicApplication.class.getName(), sources.toString(), resources.toString(), classes.toString(),
				"dev.reload", "reload-sample-clinic");
		assertThat(processing).contains("Class reloading is off: the application is being processed ahead of time");
		compile(sources, classes);
		Path run = Files.createDirectories(this.directory.resolve("run"));
		try (ClinicProcess clinic = ClinicProcess.start(run, List.of("-Dspring.aot.enabled=true"),
				withClassDirectories(classes, resources))) {
			assertThat(Http.get(clinic.url("/owners"))).contains("George Franklin");
			assertThat(clinic.output()).contains("Class reloading is off: the context was processed ahead of time");
		}
	}

	private static List<Path> withClassDirectories(Path... first) {
		List<Path> directories = new ArrayList<>(List.of(first));
		directories.addAll(ClinicProcess.classDirectories());
		return directories;
	}

	private static void compile(Path sources, Path classes) throws IOException {
		List<String> files;
		try (Stream<Path> walk = Files.walk(sources)) {
			files = walk.filter((path) -> path.toString().endsWith(".java")).map(Path::toString).toList();
		}
		assertThat(files).as("generated sources").isNotEmpty();
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		List<String> arguments = new ArrayList<>(
				List.of("-parameters", "-nowarn", "-d", classes.toString(), "-cp", ClinicProcess.classpath()));
		arguments.addAll(files);
		int result = compiler.run(null, null, null, arguments.toArray(String[]::new));
		assertThat(result).as("javac's result for the generated sources").isZero();
	}

}
