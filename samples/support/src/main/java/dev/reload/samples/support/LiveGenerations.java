package dev.reload.samples.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts the class loader generations alive in another JVM after a full collection, with
 * the JDK's {@code jcmd}: its class histogram collects first, then counts what survived.
 *
 * @author reload-spring-boot
 */
public final class LiveGenerations {

	private static final Pattern GENERATIONS = Pattern.compile(
			"\\s+\\d+:\\s+(\\d+)\\s+\\d+\\s+dev\\.reload\\.autoconfigure\\.classloader\\.GenerationClassLoader\\b");

	private LiveGenerations() {
	}

	/**
	 * Return how many generations are alive in a JVM after a full collection.
	 * @param pid the JVM's process id
	 * @return the number of live {@code GenerationClassLoader}s
	 */
	public static int count(long pid) {
		Matcher generations = GENERATIONS.matcher(jcmd(pid, "GC.class_histogram"));
		return generations.find() ? Integer.parseInt(generations.group(1)) : 0;
	}

	/**
	 * Dump the live objects of a JVM's heap, after a full collection.
	 * @param pid the JVM's process id
	 * @param file where to write the dump (its directory is created)
	 */
	public static void dumpHeap(long pid, Path file) {
		try {
			Files.createDirectories(file.getParent());
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		jcmd(pid, "GC.heap_dump " + file);
	}

	/**
	 * Run a {@code jcmd} command against a JVM.
	 * @param pid the JVM's process id
	 * @param command the command, such as {@code GC.class_histogram}
	 * @return what it printed
	 */
	public static String jcmd(long pid, String command) {
		Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
		try {
			Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), command).redirectErrorStream(true)
				.start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException("jcmd " + command + " did not end within 60 s");
			}
			if (process.exitValue() != 0) {
				throw new IllegalStateException("jcmd " + command + " failed: " + output);
			}
			return output;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
