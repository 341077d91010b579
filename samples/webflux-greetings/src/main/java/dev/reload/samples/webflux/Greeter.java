package dev.reload.samples.webflux;

import org.springframework.stereotype.Service;

/**
 * Says hello. Change the text, compile, and the next request shows it.
 *
 * @author reload-spring-boot
 */
@Service
public class Greeter {

	public String greet(String name) {
		return "Hello, " + name;
	}

}
