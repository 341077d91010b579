package dev.reload.it.lib;

/**
 * Faults a test switches on in the classes it compiles, through the application class
 * loader.
 *
 * @author reload-spring-boot
 */
public final class Faults {

	/**
	 * Whether the next switch fails part of the way.
	 */
	public static volatile boolean failSwitch;

	private Faults() {
	}

}
