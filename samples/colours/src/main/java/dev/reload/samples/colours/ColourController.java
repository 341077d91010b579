package dev.reload.samples.colours;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sample's endpoints.
 *
 * @author reload-spring-boot
 */
@RestController
public class ColourController {

	private final Greeting greeting;

	private final VisitCounter visits;

	public ColourController(Greeting greeting, VisitCounter visits) {
		this.greeting = greeting;
		this.visits = visits;
	}

	@GetMapping("/colour")
	public String colour() {
		return "the color is " + Colours.colour() + "\n";
	}

	@GetMapping("/greeting")
	public String greeting(@RequestParam(defaultValue = "world") String name) {
		return this.greeting.greet(name) + " (visit " + this.visits.next() + ")\n";
	}

}
