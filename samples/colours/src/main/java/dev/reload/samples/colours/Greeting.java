package dev.reload.samples.colours;

/**
 * A service behind an interface: consumers that are not rebuilt reach the newest
 * implementation through it.
 *
 * @author reload-spring-boot
 */
public interface Greeting {

	String greet(String name);

}
