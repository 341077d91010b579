package dev.reload.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Measurement 7: the edits a developer makes to a PetClinic-shaped application (the
 * clinic sample: JPA entities, Spring Data, Thymeleaf, H2), each from the moment the
 * edited files are saved to the first response that shows it, for the starter compiling
 * the sources itself, for the starter given the class files an IDE would write, and for
 * DevTools given the same class files. The edits build on each other, in the same order
 * for each.
 *
 * @author reload-spring-boot
 */
final class ClinicEdits {

	private static final String MAIN_CLASS = "dev.reload.samples.clinic.ClinicApplication";

	private static final String JAVA = "src/main/java/dev/reload/samples/clinic/";

	private final Path clinic;

	private final Workspace workspace;

	private final int repeats;

	ClinicEdits(Path clinic, Workspace workspace, int repeats) {
		this.clinic = clinic;
		this.workspace = workspace;
		this.repeats = repeats;
	}

	/**
	 * Run every edit in every configuration.
	 * @return for each edit, each configuration's result
	 */
	Map<String, Map<String, String>> run() {
		Map<String, Map<String, String>> results = new LinkedHashMap<>();
		for (Mode mode : Mode.values()) {
			Project project = new Project(this.workspace.directory("clinic-" + mode.name().toLowerCase()));
			project.copyFrom(this.clinic);
			List<String> arguments = new ArrayList<>(List.of("--server.port=" + FreePort.find(),
					"--spring.main.banner-mode=off", "--management.endpoints.web.exposure.include=health,reload",
					"--spring.devtools.livereload.enabled=false", "--reload.debug=false"));
			arguments.add("--reload.source-directories="
					+ ((mode == Mode.STARTER_SOURCES) ? project.file("src/main/java") : ""));
			try (ApplicationProcess app = ApplicationProcess.start(List.of(),
					this.workspace.classpath(project.file("target/classes"), mode == Mode.DEVTOOLS,
							"reload-sample-clinic", "spring-security", "spring-boot-security",
							"spring-boot-starter-security"),
					MAIN_CLASS, List.of(), arguments, this.workspace.root().resolve("clinic-" + mode + ".log"))) {
				Editor editor = new Editor(app, project, mode);
				editor.warmUp();
				edits(editor).forEach((name, result) -> results.computeIfAbsent(name, (key) -> new LinkedHashMap<>())
					.put(mode.label, result));
			}
		}
		return results;
	}

	private Map<String, String> edits(Editor editor) {
		Map<String, String> results = new LinkedHashMap<>();
		results.put("welcome logic (controller method)",
				editor.edit(
						List.of(replace("system/WelcomeController.java", "this.properties.welcome()",
								"this.properties.welcome() + \"!\"")),
						"/", (body) -> body.contains("Welcome to the clinic!")));
		results.put("new JSON endpoint with a new record", editor.edit(List.of(create("vet/VetSummary.java", """
				package dev.reload.samples.clinic.vet;

				record VetSummary(int count) {
				}
				"""), replace("vet/VetController.java", "@GetMapping(\"/vets\")", """
				@GetMapping("/vets/summary")
				VetSummary summary() {
					List<String> names = new ArrayList<>();
					this.vets.findAll().forEach((vet) -> names.add(vet.getLastName()));
					return new VetSummary(names.size());
				}

				@GetMapping("/vets")""")), "/vets/summary", (body) -> body.equals("{\"count\":1}")));
		results.put("template",
				editor.edit(List
					.of(replace("../../../../../resources/templates/welcome.html", "</h2>", "</h2>\n<p>edited</p>")),
						"/", (body) -> body.contains("<p>edited</p>")));
		results.put("entity @Transient helper", editor.edit(List.of(replace("vet/Vet.java",
				"public class Vet extends Person {",
				"public class Vet extends Person {\n\n\t@jakarta.persistence.Transient\n\tpublic String getTitle() {\n\t\treturn \"Dr.\";\n\t}\n"),
				replace("vet/VetController.java", "names.add(vet.getFirstName()",
						"names.add(vet.getTitle() + \" \" + vet.getFirstName()")),
				"/vets", (body) -> body.contains("Dr. James")));
		results.put("repository query method",
				editor.edit(List.of(
						replace("vet/VetRepository.java", "Vet save(Vet vet);",
								"Vet save(Vet vet);\n\n\tIterable<Vet> findByLastName(String lastName);"),
						replace("vet/VetController.java", "@GetMapping(\"/vets\")", """
								@GetMapping("/vets/carters")
								List<String> carters() {
									List<String> names = new ArrayList<>();
									this.vets.findByLastName("Carter").forEach((vet) -> names.add(vet.getFirstName()));
									return names;
								}

								@GetMapping("/vets")""")), "/vets/carters", (body) -> body.equals("[\"James\"]")));
		results.put("@Configuration change (a new @Bean)",
				editor.edit(
						List.of(replace("system/SystemConfiguration.java", "class SystemConfiguration {",
								"""
										class SystemConfiguration {

											@org.springframework.context.annotation.Bean
											org.springframework.web.servlet.function.RouterFunction<org.springframework.web.servlet.function.ServerResponse> configured() {
												return org.springframework.web.servlet.function.RouterFunctions.route()
													.GET("/configured", (request) -> org.springframework.web.servlet.function.ServerResponse.ok().body("configured"))
													.build();
											}
										""")),
						"/configured", "configured"::equals));
		results.put("a @Bean of an application class added, with its controller",
				editor.edit(List.of(create("system/Tagline.java", """
						package dev.reload.samples.clinic.system;

						record Tagline(String text) {
						}
						"""), create("system/TaglineController.java", """
						package dev.reload.samples.clinic.system;

						import org.springframework.web.bind.annotation.GetMapping;
						import org.springframework.web.bind.annotation.RestController;

						@RestController
						class TaglineController {

							private final Tagline tagline;

							TaglineController(Tagline tagline) {
								this.tagline = tagline;
							}

							@GetMapping("/tagline")
							String tagline() {
								return this.tagline.text();
							}

						}
						"""), replace("system/SystemConfiguration.java", "class SystemConfiguration {", """
						class SystemConfiguration {

							@org.springframework.context.annotation.Bean
							Tagline tagline() {
								return new Tagline("an apple a day");
							}
						""")), "/tagline", "an apple a day"::equals));
		results.put("that @Bean method changed",
				editor.edit(
						List.of(replace("system/SystemConfiguration.java", "new Tagline(\"an apple a day\")",
								"new Tagline(\"an apple a day, twice\")")),
						"/tagline", "an apple a day, twice"::equals));
		results.put("four files in one save",
				editor.edit(List.of(replace("system/WelcomeController.java", "welcome() + \"!\"", "welcome() + \"!!\""),
						replace("vet/VetController.java", "new VetSummary(names.size())",
								"new VetSummary(names.size() + 10)"),
						replace("owner/OwnerController.java", "return \"owners/list\";", "return \"owners/list\";"),
						create("system/Motd.java", """
								package dev.reload.samples.clinic.system;

								final class Motd {

									static final String TEXT = "four";

								}
								""")), "/vets/summary", (body) -> body.equals("{\"count\":11}")));
		results.put("throwing constructor, then its fix", editor.throwingConstructorThenFix());
		results.put("controller edit, " + this.repeats + " in a row (median)", editor.repeat(this.repeats));
		return results;
	}

	private static Edit replace(String file, String text, String replacement) {
		return new Edit(file, text, replacement);
	}

	private static Edit create(String file, String content) {
		return new Edit(file, null, content);
	}

	private enum Mode {

		STARTER_SOURCES("starter, saved sources (compiles in-process)"),

		STARTER_CLASSES("starter, class files as an IDE writes them"),

		DEVTOOLS("DevTools restart, the same class files");

		private final String label;

		Mode(String label) {
			this.label = label;
		}

	}

	/**
	 * A change to one file: a text replaced, or a new file.
	 */
	private record Edit(String file, String text, String replacement) {

	}

	/**
	 * Applies edits the way each configuration receives them, and times them.
	 */
	private final class Editor {

		private final ApplicationProcess app;

		private final Project project;

		private final Mode mode;

		private final Probe probe = new Probe();

		Editor(ApplicationProcess app, Project project, Mode mode) {
			this.app = app;
			this.project = project;
			this.mode = mode;
		}

		void warmUp() {
			for (int i = 0; i < 200; i++) {
				for (String path : List.of("/", "/vets", "/owners")) {
					try {
						PlainHttp.get(this.app.url(path), 30_000);
					}
					catch (IOException ex) {
						throw new UncheckedIOException(ex);
					}
				}
			}
		}

		String edit(List<Edit> edits, String path, Predicate<String> shows) {
			String before = lastReport();
			long start = apply(edits);
			double millis = this.probe.millisUntil(this.app.url(path), shows, start);
			return format(millis) + outcome(before);
		}

		String throwingConstructorThenFix() {
			String constructor = "	VetController(VetRepository vets) {\n		this.vets = vets;";
			apply(List.of(replace("vet/VetController.java", constructor, constructor
					+ "\n		if (vets != null) {\n			throw new IllegalStateException(\"broken\");\n		}")));
			String during = answersDuringFailure();
			long start = apply(List.of(replace("vet/VetController.java",
					"\n		if (vets != null) {\n			throw new IllegalStateException(\"broken\");\n		}",
					"")));
			double millis = this.probe.millisUntil(this.app.url("/vets/summary"), (body) -> body.contains("count"),
					start);
			return "broken: " + during + "; fixed: " + format(millis);
		}

		private String answersDuringFailure() {
			// what the next requests get while the broken constructor is in place
			long deadline = System.nanoTime() + 5_000_000_000L;
			int ok = 0;
			int failed = 0;
			while (System.nanoTime() < deadline) {
				try {
					PlainHttp.Answer answer = PlainHttp.get(this.app.url("/vets/summary"), 5_000);
					if (answer.status() == 200) {
						ok++;
					}
					else {
						failed++;
					}
				}
				catch (IOException ex) {
					failed++;
				}
			}
			return ok + " answered, " + failed + " refused or failed in 5 s";
		}

		String repeat(int times) {
			List<Double> millis = new ArrayList<>();
			String previous = "welcome() + \"!!\"";
			for (int i = 0; i < times; i++) {
				String next = "welcome() + \"!!" + i + "\"";
				long start = apply(List.of(replace("system/WelcomeController.java", previous, next)));
				String expected = "Welcome to the clinic!!" + i + "<";
				millis.add(this.probe.millisUntil(this.app.url("/"), (body) -> body.contains(expected), start));
				previous = next;
			}
			return new Stats(millis).summary();
		}

		private String outcome(String before) {
			if (this.mode == Mode.DEVTOOLS) {
				return "";
			}
			String after = lastReport();
			if (after.equals(before)) {
				// a template is read again, not reloaded
				return " (no reload)";
			}
			int at = after.indexOf("\"outcome\":\"");
			return (at < 0) ? "" : " (" + after.substring(at + 11, after.indexOf('"', at + 11)) + ")";
		}

		/**
		 * Return the newest report of the starter's history, as JSON text, or an empty
		 * string.
		 */
		private String lastReport() {
			if (this.mode == Mode.DEVTOOLS) {
				return "";
			}
			try {
				String status = PlainHttp.get(this.app.url("/actuator/reload"), 30_000).body();
				int history = status.indexOf("\"history\":[");
				if (history < 0 || status.startsWith("]", history + 11)) {
					return "";
				}
				// the newest report, up to the end of its time stamp, tells one reload
				// from another
				int timestamp = status.indexOf("\"timestamp\":\"", history);
				int close = (timestamp < 0) ? -1 : status.indexOf('"', timestamp + 13);
				return (close < 0) ? status.substring(history) : status.substring(history, close + 1);
			}
			catch (IOException | RuntimeException ex) {
				return "";
			}
		}

		/**
		 * Save the edits, and for class file configurations compile them as an IDE does;
		 * return when the files are in place.
		 */
		private long apply(List<Edit> edits) {
			List<Path> sources = new ArrayList<>();
			for (Edit edit : edits) {
				sources.add(this.project.save(edit));
			}
			if (this.mode == Mode.STARTER_SOURCES) {
				return System.nanoTime();
			}
			this.project.compile(sources.stream().filter((file) -> file.toString().endsWith(".java")).toList());
			sources.stream().filter((file) -> !file.toString().endsWith(".java")).forEach(this.project::copyResource);
			return System.nanoTime();
		}

	}

	private static String format(double millis) {
		return String.format(java.util.Locale.ROOT, "%.0f ms", millis);
	}

	/**
	 * A copy of the clinic's Maven project.
	 */
	private static final class Project {

		private final Path root;

		Project(Path root) {
			this.root = root;
		}

		Path file(String relative) {
			return this.root.resolve(relative);
		}

		void copyFrom(Path clinic) {
			FileTime built = FileTime.fromMillis(System.currentTimeMillis() - 60_000);
			copy(clinic.resolve("src/main/java"), file("src/main/java"), built);
			copy(clinic.resolve("src/main/resources"), file("src/main/resources"), built);
			copy(clinic.resolve("target/classes"), file("target/classes"), null);
		}

		Path save(Edit edit) {
			Path target = file(JAVA).resolve(edit.file()).normalize();
			try {
				Files.createDirectories(target.getParent());
				if (edit.text() == null) {
					Files.writeString(target, edit.replacement());
				}
				else {
					String content = Files.readString(target);
					if (!content.contains(edit.text())) {
						throw new IllegalStateException(target + " does not contain " + edit.text());
					}
					Files.writeString(target, content.replace(edit.text(), edit.replacement()));
				}
				return target;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		void compile(List<Path> sources) {
			if (sources.isEmpty()) {
				return;
			}
			JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
			List<String> arguments = new ArrayList<>(List.of("-parameters", "-proc:none", "-g", "-d",
					file("target/classes").toString(), "-cp",
					file("target/classes") + java.io.File.pathSeparator + System.getProperty("java.class.path")));
			sources.forEach((source) -> arguments.add(source.toString()));
			if (compiler.run(null, null, null, arguments.toArray(String[]::new)) != 0) {
				throw new IllegalStateException("javac failed on " + sources);
			}
		}

		void copyResource(Path resource) {
			Path relative = file("src/main/resources").relativize(resource);
			try {
				Files.copy(resource, file("target/classes").resolve(relative.toString()),
						StandardCopyOption.REPLACE_EXISTING);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		private static void copy(Path from, Path to, FileTime time) {
			try (Stream<Path> paths = Files.walk(from)) {
				for (Path path : paths.filter(Files::isRegularFile).toList()) {
					Path target = to.resolve(from.relativize(path).toString());
					Files.createDirectories(target.getParent());
					Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
					if (time != null) {
						Files.setLastModifiedTime(target, time);
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
