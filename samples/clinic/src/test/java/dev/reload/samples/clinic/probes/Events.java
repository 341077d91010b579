package dev.reload.samples.clinic.probes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends what happened to the file named by the {@code clinic.events} system property,
 * one line an event, written at once so that nothing is lost at shutdown.
 *
 * @author reload-spring-boot
 */
public final class Events {

	private Events() {
	}

	public static synchronized void record(String event) {
		String file = System.getProperty("clinic.events");
		if (file == null) {
			return;
		}
		try {
			Files.writeString(Path.of(file), event + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND,
					StandardOpenOption.SYNC);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
