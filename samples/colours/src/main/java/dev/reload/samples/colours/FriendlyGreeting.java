package dev.reload.samples.colours;

import org.springframework.stereotype.Service;

/**
 * The greeting service. Change the text and compile: the next request uses it.
 *
 * @author reload-spring-boot
 */
@Service
public class FriendlyGreeting implements Greeting {

	@Override
	public String greet(String name) {
		return "Hello, " + name;
	}

}
