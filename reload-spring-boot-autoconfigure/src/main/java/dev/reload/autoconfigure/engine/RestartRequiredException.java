package dev.reload.autoconfigure.engine;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A change reaches classes that cannot be reloaded in place: the main application class
 * and what it refers to, which the application class loader loaded, configuration
 * classes, whose bean definitions were fixed at start-up, classes a framework holds on to
 * (JPA entities, Spring Data repositories with custom implementations), and beans that
 * the web stack took in at start-up, which a {@link dev.reload.BeanSwapParticipant}
 * refuses with one.
 *
 * @author reload-spring-boot
 */
public class RestartRequiredException extends RuntimeException {

	private final String reason;

	RestartRequiredException(Set<String> classes, Set<String> changed) {
		this(changed, "they reach " + classes + ", which were loaded at start-up (the main application class "
				+ "and classes it refers to)");
	}

	RestartRequiredException(Map<String, String> held, Set<String> changed) {
		this(changed,
				"they reach "
						+ held.entrySet()
							.stream()
							.map((entry) -> entry.getKey() + " (" + entry.getValue() + ")")
							.collect(Collectors.joining(", "))
						+ ", which Spring, the persistence provider or Spring Data hold on to from start-up");
	}

	/**
	 * Create an exception for changes that cannot be applied in place.
	 * @param reason why not, completing "the changes cannot be applied in place:"
	 */
	public RestartRequiredException(String reason) {
		super("The changes need a restart: " + reason + "; they cannot be reloaded in place");
		this.reason = reason;
	}

	/**
	 * Create an exception for rebuilt beans that a participant cannot switch in place.
	 * @param beans the beans, each described by {@link #bean(String, String)}
	 * @param why why switching them would not do
	 * @return the exception
	 */
	public static RestartRequiredException rebuilding(Collection<String> beans, String why) {
		return new RestartRequiredException("they rebuild " + String.join(", ", beans) + ": " + why);
	}

	/**
	 * Describe a bean for {@link #rebuilding(Collection, String)}.
	 * @param name the bean's name
	 * @param what what the bean is, and why it cannot be switched
	 * @return {@code 'name' (what)}
	 */
	public static String bean(String name, String what) {
		return "'" + name + "' (" + what + ")";
	}

	private RestartRequiredException(Set<String> changed, String reason) {
		super("Changes to " + changed + " need a restart: " + reason + "; they cannot be reloaded in place");
		this.reason = reason;
	}

	/**
	 * Return why the changes cannot be applied in place.
	 * @return the reason
	 */
	public String reason() {
		return this.reason;
	}

}
