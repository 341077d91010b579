package dev.reload.samples.webflux;

import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Greets, and numbers the greetings.
 *
 * @author reload-spring-boot
 */
@RestController
public class GreetingController {

	private final Greeter greeter;

	private final GreetingCounter counter;

	public GreetingController(Greeter greeter, GreetingCounter counter) {
		this.greeter = greeter;
		this.counter = counter;
	}

	@GetMapping("/greeting")
	public Mono<String> greeting(@RequestParam(defaultValue = "world") String name) {
		return Mono.fromSupplier(() -> this.greeter.greet(name) + " (greeting " + this.counter.next() + ")\n");
	}

}
