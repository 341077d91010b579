package dev.reload.samples.colours;

/**
 * A static utility, like the manual's {@code My::Utils}: its callers are reloaded with
 * it, so they never keep the old colour.
 *
 * @author reload-spring-boot
 */
public final class Colours {

	private Colours() {
	}

	public static String colour() {
		return "white";
	}

}
