package dev.reload.autoconfigure.change;

/**
 * A changed class file may not be loaded: it is reached through a symbolic link that
 * leaves its reload directory, or other users may write it.
 *
 * @author reload-spring-boot
 */
public class UntrustedClassFileException extends RuntimeException {

	UntrustedClassFileException(String message) {
		super(message);
	}

}
