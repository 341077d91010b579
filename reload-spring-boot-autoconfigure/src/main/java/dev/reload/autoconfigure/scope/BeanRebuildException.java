package dev.reload.autoconfigure.scope;

import org.springframework.beans.factory.config.BeanDefinition;
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

	BeanRebuildException(String beanName, BeanDefinition definition, Throwable cause) {
		super("Bean '" + beanName + "' of class " + definition.getBeanClassName() + " could not be built: "
				+ describe(NestedExceptionUtils.getMostSpecificCause(cause)), cause);
	}

	private static String describe(Throwable cause) {
		return cause.getClass().getName() + ((cause.getMessage() != null) ? ": " + cause.getMessage() : "");
	}

}
