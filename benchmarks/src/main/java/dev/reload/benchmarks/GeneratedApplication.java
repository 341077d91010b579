package dev.reload.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * A generated application of a given size, shaped like a layered service: a fifth of its
 * beans are controllers, each using two services; two fifths are services, each using one
 * repository-like component; two fifths are those components. The first half of the
 * components, and so half of the application, depends on one shared class.
 *
 * @author reload-spring-boot
 */
final class GeneratedApplication {

	static final String PACKAGE = "bench.app";

	private static final String MAIN_CLASS = PACKAGE + ".GeneratedApplication";

	private final int beans;

	private final Workspace workspace;

	private final Path sources;

	GeneratedApplication(int beans, Workspace workspace) {
		if (beans % 10 != 0) {
			throw new IllegalArgumentException("The bean count must be a multiple of 10");
		}
		this.beans = beans;
		this.workspace = workspace;
		this.sources = workspace.directory("sources");
		write("GeneratedApplication", """
				@org.springframework.boot.autoconfigure.SpringBootApplication
				public class GeneratedApplication {
					public static void main(String[] args) {
						org.springframework.boot.SpringApplication.run(GeneratedApplication.class, args);
					}
				}
				""");
		write("Shared", shared("v0"));
		for (int i = 0; i < components(); i++) {
			write("Repository" + i, repository(i, "v0"));
			write("Service" + i, """
					@org.springframework.stereotype.Service
					public class Service%1$d {
						private final Repository%1$d repository;
						public Service%1$d(Repository%1$d repository) { this.repository = repository; }
						public String value() { return "s%1$d/" + this.repository.value(); }
					}
					""".formatted(i));
		}
		for (int i = 0; i < controllers(); i++) {
			write("Controller" + i, """
					@org.springframework.web.bind.annotation.RestController
					public class Controller%1$d {
						private final Service%2$d first;
						private final Service%3$d second;
						public Controller%1$d(Service%2$d first, Service%3$d second) {
							this.first = first;
							this.second = second;
						}
						@org.springframework.web.bind.annotation.GetMapping("/c%1$d")
						public String value() { return this.first.value() + " " + this.second.value(); }
					}
					""".formatted(i, 2 * i, 2 * i + 1));
		}
		compile(this.sources, workspace.classes());
	}

	int beans() {
		return this.beans;
	}

	int controllers() {
		return this.beans / 5;
	}

	int components() {
		return 2 * this.beans / 5;
	}

	Workspace workspace() {
		return this.workspace;
	}

	/**
	 * Return the index of the leaf component: one that nothing but its own service uses,
	 * outside the shared half.
	 * @return the component's index
	 */
	int leafComponent() {
		return components() - 1;
	}

	/**
	 * Return the controller whose answer shows the leaf component's value.
	 * @return the controller's path
	 */
	String leafPath() {
		return "/c" + (controllers() - 1);
	}

	/**
	 * Compile a new version of the leaf component.
	 * @param version the version text it returns
	 * @return its class file
	 */
	byte[] leafVersion(String version) {
		return compileOne("Repository" + leafComponent(), repository(leafComponent(), version));
	}

	/**
	 * Compile a new version of the class half the application depends on.
	 * @param version the version text it returns
	 * @return its class file
	 */
	byte[] sharedVersion(String version) {
		return compileOne("Shared", shared(version));
	}

	String classFile(String simpleName) {
		return PACKAGE.replace('.', '/') + "/" + simpleName + ".class";
	}

	ApplicationProcess start(boolean withDevTools, List<String> arguments, String name) {
		List<String> all = new ArrayList<>(List.of("--spring.main.banner-mode=off",
				"--management.endpoints.web.exposure.include=reload", "--spring.devtools.livereload.enabled=false",
				"--logging.level.root=warn", "--logging.level.org.springframework.boot.web=info",
				"--logging.level.org.springframework.boot.tomcat=info",
				"--logging.level.dev.reload.autoconfigure.ReloadApplicationListener=info"));
		all.addAll(arguments);
		// without Spring Security: the generated controllers are open, as the sample's
		// are
		return ApplicationProcess.start(List.of(),
				this.workspace.classpath(withDevTools, "spring-security-", "spring-boot-security",
						"spring-boot-starter-security"),
				MAIN_CLASS, List.of(), all, this.workspace.root().resolve(name + ".log"));
	}

	private String repository(int index, String version) {
		String value = (index < components() / 2) ? "Shared.tag() + \"r%d\"".formatted(index)
				: "\"r%d-%s\"".formatted(index, version);
		return """
				@org.springframework.stereotype.Component
				public class Repository%d {
					public String value() { return %s; }
				}
				""".formatted(index, value);
	}

	private static String shared(String version) {
		return """
				public final class Shared {
					private Shared() { }
					public static String tag() { return "%s:"; }
				}
				""".formatted(version);
	}

	private byte[] compileOne(String simpleName, String body) {
		Path work = this.workspace.directory("edit-" + simpleName);
		Path output = this.workspace.directory("edit-" + simpleName + "-out");
		try {
			Files.writeString(work.resolve(simpleName + ".java"), "package " + PACKAGE + ";\n" + body);
			compile(work, output, this.workspace.classes());
			return Files.readAllBytes(output.resolve(classFile(simpleName)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void write(String simpleName, String body) {
		try {
			Files.writeString(this.sources.resolve(simpleName + ".java"), "package " + PACKAGE + ";\n" + body);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void compile(Path sourceDirectory, Path output, Path... classpath) {
		List<String> arguments = new ArrayList<>(List.of("-d", output.toString(), "--release", "17", "-proc:none",
				"-classpath", System.getProperty("java.class.path") + java.io.File.pathSeparator + String
					.join(java.io.File.pathSeparator, List.of(classpath).stream().map(Path::toString).toList())));
		try (var files = Files.list(sourceDirectory)) {
			files.filter((file) -> file.toString().endsWith(".java")).forEach((file) -> arguments.add(file.toString()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		if (compiler.run(null, null, null, arguments.toArray(String[]::new)) != 0) {
			throw new IllegalStateException("Could not compile the generated application in " + sourceDirectory);
		}
	}

}
