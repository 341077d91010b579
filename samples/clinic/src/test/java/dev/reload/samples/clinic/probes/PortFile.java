package dev.reload.samples.clinic.probes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Writes the server's port, once it is ready, to the file named by the
 * {@code clinic.port} system property.
 *
 * @author reload-spring-boot
 */
@Component
class PortFile implements ApplicationListener<ApplicationReadyEvent> {

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		String file = System.getProperty("clinic.port");
		if (file != null && event.getApplicationContext() instanceof WebServerApplicationContext web) {
			try {
				Files.writeString(Path.of(file), String.valueOf(web.getWebServer().getPort()));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

}
