package dev.reload.autoconfigure.engine;

import org.springframework.core.NestedExceptionUtils;

/**
 * A switch failed part of the way and was undone: the application runs the code it ran
 * before.
 *
 * @author reload-spring-boot
 */
final class SwitchFailedException extends RuntimeException {

	SwitchFailedException(Throwable cause) {
		super("The switch failed and was undone, the previous generation keeps serving: "
				+ NestedExceptionUtils.getMostSpecificCause(cause), cause);
	}

}
