package dev.reload.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Keeps a loopback load client and the server it loads on different cores, where Linux'
 * {@code taskset} allows it and there are two cores or more: the server on the first
 * core, this JVM (the client) on the others. Sharing every core, client and server take
 * turns at random, and that noise is larger than the differences a throughput comparison
 * looks for.
 *
 * @author reload-spring-boot
 */
final class CpuAffinity {

	private static final Path TASKSET = Path.of("/usr/bin/taskset");

	private final int cores;

	private final boolean available;

	private CpuAffinity(int cores, boolean available) {
		this.cores = cores;
		this.available = available;
	}

	static CpuAffinity detect() {
		int cores = Runtime.getRuntime().availableProcessors();
		boolean linux = System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux");
		return new CpuAffinity(cores, linux && cores >= 2 && Files.isExecutable(TASKSET));
	}

	boolean available() {
		return this.available;
	}

	/**
	 * Return what to put before a server's command line to run it on the first core.
	 * @return the launcher; empty when cores cannot be chosen
	 */
	List<String> serverLauncher() {
		return this.available ? List.of(TASKSET.toString(), "-c", "0") : List.of();
	}

	/**
	 * Move every thread of this JVM, and so the threads it starts next, off the server's
	 * core until the returned handle is closed.
	 * @return the handle that gives this JVM every core again
	 */
	Pinned pinClient() {
		if (!this.available) {
			return () -> {
			};
		}
		setOwnCores("1-" + (this.cores - 1));
		return () -> setOwnCores("0-" + (this.cores - 1));
	}

	String describe() {
		int others = this.cores - 1;
		return this.available
				? "servers on core 0, the load client on the other " + others + ((others == 1) ? " core" : " cores")
				: "client and servers sharing all " + this.cores + " cores";
	}

	private static void setOwnCores(String cores) {
		String pid = Long.toString(ProcessHandle.current().pid());
		try {
			Process process = new ProcessBuilder(TASKSET.toString(), "-a", "-p", "-c", cores, pid)
				.redirectErrorStream(true)
				.start();
			String output = new String(process.getInputStream().readAllBytes());
			if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IllegalStateException("taskset failed: " + output);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The client's cores chosen until closed.
	 */
	interface Pinned extends AutoCloseable {

		@Override
		void close();

	}

}
