package dev.reload.autoconfigure.classloader;

import java.util.List;

/**
 * A staged generation cannot run: classes that do not define, or references to classes,
 * methods or fields that do not exist.
 *
 * @author reload-spring-boot
 */
public class GenerationVerificationException extends RuntimeException {

	GenerationVerificationException(List<String> problems) {
		super(String.join("; ", problems));
	}

}
