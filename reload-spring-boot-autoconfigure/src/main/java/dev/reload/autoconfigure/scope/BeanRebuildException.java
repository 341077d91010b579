package dev.reload.autoconfigure.scope;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.BeansException;
import org.springframework.core.NestedExceptionUtils;

/**
 * A bean of a new generation could not be built. The message names the bean, its class
 * and the root cause.
 *
 * @author reload-spring-boot
 */
public class BeanRebuildException extends RuntimeException {

	BeanRebuildException(String message, Throwable cause) {
		super(message, cause);
	}

	BeanRebuildException(String beanName, @Nullable String className, @Nullable String neededBy, Throwable cause,
			Throwable failure) {
		super("Bean '" + beanName + "' of class " + className
				+ ((neededBy != null) ? ", needed by '" + neededBy + "'," : "") + " could not be built: "
				+ describe(specific(cause)), failure);
	}

	private static Throwable specific(Throwable cause) {
		// Spring's own wrappers say only that creation failed; a framework's exception,
		// such as Spring Data's query creation, says for what, with its cause
		return (cause instanceof BeansException) ? NestedExceptionUtils.getMostSpecificCause(cause) : cause;
	}

	private static String describe(Throwable cause) {
		// the localized message: Spring Data names the query method there
		return cause.getClass().getName()
				+ ((cause.getLocalizedMessage() != null) ? ": " + cause.getLocalizedMessage() : "");
	}

}
