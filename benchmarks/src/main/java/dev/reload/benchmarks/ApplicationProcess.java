package dev.reload.benchmarks;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An application under test, in a JVM of its own, as a developer or an operator runs it:
 * {@code java -cp classes:dependencies MainClass}.
 *
 * @author reload-spring-boot
 */
final class ApplicationProcess implements AutoCloseable {

	private static final Pattern STARTED = Pattern.compile("(?:Tomcat|Netty) started on port (\\d+)");

	private final Process process;

	private final Path log;

	private final int port;

	private ApplicationProcess(Process process, Path log, int port) {
		this.process = process;
		this.log = log;
		this.port = port;
	}

	/**
	 * Start an application and wait until its web server is up.
	 * @param launcher what goes before the {@code java} command, such as a choice of
	 * cores; may be empty
	 * @param classpath its class path
	 * @param mainClass its main class
	 * @param jvmOptions options for its JVM
	 * @param arguments its arguments
	 * @param log where its output goes
	 * @return the running application
	 */
	static ApplicationProcess start(List<String> launcher, List<Path> classpath, String mainClass,
			List<String> jvmOptions, List<String> arguments, Path log) {
		List<String> command = new ArrayList<>(launcher);
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmOptions);
		command.add("-cp");
		command.add(String.join(File.pathSeparator, classpath.stream().map(Path::toString).toList()));
		command.add(mainClass);
		command.addAll(arguments);
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			return new ApplicationProcess(process, log, awaitPort(process, log, 0));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	int port() {
		return this.port;
	}

	long pid() {
		return this.process.pid();
	}

	/**
	 * Return the CPU time its threads have used so far.
	 * @return the CPU time
	 */
	Duration cpuTime() {
		return this.process.info()
			.totalCpuDuration()
			.orElseThrow(() -> new IllegalStateException("The operating system does not report CPU time"));
	}

	String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	/**
	 * Wait until the web server has started once more than the given number of times: a
	 * DevTools restart starts it again.
	 * @param starts how many starts the log shows already
	 */
	void awaitStarts(int starts) {
		awaitPort(this.process, this.log, starts);
	}

	int starts() {
		return (int) STARTED.matcher(readLog(this.log)).results().count();
	}

	String log() {
		return readLog(this.log);
	}

	private static int awaitPort(Process process, Path log, int previousStarts) {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException("The application exited; its log:\n" + readLog(log));
			}
			List<MatchResult> starts = STARTED.matcher(readLog(log)).results().map(MatchResult::new).toList();
			if (starts.size() > previousStarts) {
				return starts.get(starts.size() - 1).port();
			}
			pause();
		}
		throw new IllegalStateException("The application did not start in 120 s; its log:\n" + readLog(log));
	}

	private static void pause() {
		try {
			Thread.sleep(20);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String readLog(Path log) {
		try {
			return Files.exists(log) ? Files.readString(log) : "";
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private record MatchResult(int port) {

		MatchResult(java.util.regex.MatchResult result) {
			this(Integer.parseInt(result.group(1)));
		}

	}

}
