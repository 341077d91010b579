package dev.reload.samples.webflux;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

/**
 * Counts greetings. A change to {@link Greeter} rebuilds the controller that refers to it
 * but not this counter, so the count goes on across reloads.
 *
 * @author reload-spring-boot
 */
@Component
public class GreetingCounter {

	private final AtomicLong greetings = new AtomicLong();

	public long next() {
		return this.greetings.incrementAndGet();
	}

}
