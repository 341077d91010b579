package dev.reload.samples.clinic;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The clinic started the way a developer starts it: {@code java} with the class
 * directories and the dependencies on the class path and the main class, in a JVM of its
 * own, on a random port, stopped with SIGTERM.
 *
 * @author reload-spring-boot
 */
final class ClinicProcess implements AutoCloseable {

	private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

	/**
	 * The clinic runs for seconds, as a developer's does between restarts: C1 alone
	 * starts it with half the CPU, which the suite's two cores are short of.
	 */
	private static final String QUICK_START = "-XX:TieredStopAtLevel=1";

	private final Process process;

	private final Path output;

	private final Path events;

	private final int port;

	private ClinicProcess(Process process, Path output, Path events, int port) {
		this.process = process;
		this.output = output;
		this.events = events;
		this.port = port;
	}

	/**
	 * Start the clinic and wait until it serves.
	 * @param directory where its files go
	 * @param args the application's arguments
	 * @return the running clinic
	 */
	static ClinicProcess start(Path directory, String... args) {
		return start(directory, List.of(), classDirectories(), args);
	}

	/**
	 * Start the clinic and wait until it serves.
	 * @param directory where its files go
	 * @param jvmOptions options for the JVM
	 * @param classDirectories the class directories, which come first on the class path
	 * @param args the application's arguments
	 * @return the running clinic
	 */
	static ClinicProcess start(Path directory, List<String> jvmOptions, List<Path> classDirectories, String... args) {
		Path output = directory.resolve("output.log");
		Path events = directory.resolve("events.txt");
		Path portFile = directory.resolve("port.txt");
		List<String> command = new ArrayList<>(
				List.of(java(), QUICK_START, "-Dclinic.events=" + events, "-Dclinic.port=" + portFile));
		command.addAll(jvmOptions);
		command.addAll(List.of("-cp", classpath(classDirectories), ClinicApplication.class.getName(), "--server.port=0",
				"--spring.main.banner-mode=off"));
		command.addAll(List.of(args));
		Process process;
		try {
			process = new ProcessBuilder(command).directory(directory.toFile())
				.redirectErrorStream(true)
				.redirectOutput(output.toFile())
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		try {
			await().atMost(START_TIMEOUT).until(() -> {
				assertThat(process.isAlive()).as(() -> "the clinic exited:\n" + read(output)).isTrue();
				return Files.exists(portFile) && !read(portFile).isBlank();
			});
		}
		catch (RuntimeException | AssertionError ex) {
			process.destroyForcibly();
			throw ex;
		}
		return new ClinicProcess(process, output, events, Integer.parseInt(read(portFile).trim()));
	}

	/**
	 * Run a main class of the clinic's class path to its end.
	 * @param directory the working directory, where its output goes
	 * @param mainClass the main class
	 * @param args its arguments
	 * @return what it printed
	 */
	static String run(Path directory, String mainClass, String... args) {
		Path output = directory.resolve("run.log");
		List<String> command = new ArrayList<>(
				List.of(java(), QUICK_START, "-cp", classpath(classDirectories()), mainClass));
		command.addAll(List.of(args));
		try {
			Process process = new ProcessBuilder(command).directory(directory.toFile())
				.redirectErrorStream(true)
				.redirectOutput(output.toFile())
				.start();
			try {
				assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("%s ended within 120 s", mainClass).isTrue();
				assertThat(process.exitValue()).as(() -> mainClass + " failed:\n" + read(output)).isZero();
			}
			finally {
				process.destroyForcibly();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		return read(output);
	}

	/**
	 * Return the clinic's class path as the test JVM has it.
	 * @return the class path
	 */
	static String classpath() {
		return classpath(classDirectories());
	}

	/**
	 * Return the clinic's class directories as Maven builds them: its classes, and its
	 * test classes with the probes.
	 * @return the directories
	 */
	static List<Path> classDirectories() {
		return List.of(Path.of(System.getProperty("clinic.classes")),
				Path.of(System.getProperty("clinic.test-classes")));
	}

	private static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	/**
	 * The class directories first, as an IDE or {@code spring-boot:run} puts them, then
	 * the test JVM's dependencies.
	 */
	private static String classpath(List<Path> classDirectories) {
		List<String> entries = new ArrayList<>();
		classDirectories.forEach((path) -> entries.add(path.toString()));
		String testClasspath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		for (String entry : testClasspath.split(File.pathSeparator)) {
			if (!entry.isEmpty() && !Files.isDirectory(Path.of(entry))) {
				entries.add(entry);
			}
		}
		return String.join(File.pathSeparator, entries);
	}

	boolean isAlive() {
		return this.process.isAlive();
	}

	String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	/**
	 * Return the clinic's process id.
	 * @return the pid
	 */
	long pid() {
		return this.process.pid();
	}

	String output() {
		return read(this.output);
	}

	/**
	 * Stop the clinic with SIGTERM, as a terminal's Ctrl-C or a container runtime does,
	 * and wait for it to exit.
	 * @return the exit code
	 */
	int stop() {
		this.process.destroy();
		try {
			assertThat(this.process.waitFor(60, TimeUnit.SECONDS)).as("the clinic exited within 60 s").isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		return this.process.exitValue();
	}

	/**
	 * Return what the clinic's probes recorded, in order.
	 * @return the events
	 */
	List<String> events() {
		return Files.exists(this.events) ? List.of(read(this.events).split("\n")) : List.of();
	}

	@Override
	public void close() {
		if (this.process.isAlive()) {
			this.process.destroyForcibly();
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
