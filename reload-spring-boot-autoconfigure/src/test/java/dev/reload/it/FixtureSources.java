package dev.reload.it;

import dev.reload.testsupport.SourceCompiler;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sources of the application the integration tests reload, and the versions the tests
 * change them to. Everything is in {@code dev.reload.it.fixture.app}, which
 * {@code TestApplication} scans.
 *
 * @author reload-spring-boot
 */
final class FixtureSources {

	static final String PACKAGE = "dev.reload.it.fixture.app.";

	static final String GREETING = PACKAGE + "Greeting";

	static final String HELLO_GREETING = PACKAGE + "HelloGreeting";

	static final String COLOURS = PACKAGE + "Colours";

	static final String COLOUR_CONTROLLER = PACKAGE + "ColourController";

	static final String GREETING_CONTROLLER = PACKAGE + "GreetingController";

	static final String VISIT_COUNTER = PACKAGE + "VisitCounter";

	static final String SHADES = PACKAGE + "Shades";

	private FixtureSources() {
	}

	/**
	 * Return every source of the first version of the application.
	 */
	static Map<String, String> initial() {
		Map<String, String> sources = new LinkedHashMap<>(SourceCompiler.of(GREETING, """
				package dev.reload.it.fixture.app;

				public interface Greeting {
					String greet();
				}
				""", GREETING_CONTROLLER, """
				package dev.reload.it.fixture.app;

				import org.springframework.web.bind.annotation.GetMapping;
				import org.springframework.web.bind.annotation.RestController;

				@RestController
				public class GreetingController {
					private final Greeting greeting;
					private final VisitCounter visits;

					public GreetingController(Greeting greeting, VisitCounter visits) {
						this.greeting = greeting;
						this.visits = visits;
					}

					@GetMapping("/greeting")
					public String greeting() {
						return this.greeting.greet();
					}

					@GetMapping("/visits")
					public String visits() {
						return String.valueOf(this.visits.next());
					}
				}
				""", VISIT_COUNTER, """
				package dev.reload.it.fixture.app;

				import java.util.concurrent.atomic.AtomicLong;
				import org.springframework.stereotype.Component;

				@Component
				public class VisitCounter {
					private final AtomicLong visits = new AtomicLong();

					public long next() {
						return this.visits.incrementAndGet();
					}
				}
				"""));
		sources.putAll(helloGreeting("hello", ""));
		sources.putAll(colours("white"));
		sources.putAll(colourController("", ""));
		return sources;
	}

	static Map<String, String> helloGreeting(String text, String constructorBody) {
		return SourceCompiler.of(HELLO_GREETING, """
				package dev.reload.it.fixture.app;

				import org.springframework.stereotype.Service;

				@Service
				public class HelloGreeting implements Greeting {
					public HelloGreeting() {
						%s
					}

					@Override
					public String greet() {
						return "%s";
					}
				}
				""".formatted(constructorBody, text));
	}

	static Map<String, String> colours(String colour) {
		return staticText(COLOURS, "colour", colour, "");
	}

	/**
	 * Return the source of a final class with one static method that returns a text, like
	 * the manual's {@code My::Utils}.
	 * @param className the class name
	 * @param method the method's name
	 * @param text what the method returns
	 * @param annotation an annotation for the class, or an empty string
	 */
	static Map<String, String> staticText(String className, String method, String text, String annotation) {
		int lastDot = className.lastIndexOf('.');
		return SourceCompiler.of(className, """
				package %s;

				%s
				public final class %s {
					public static String %s() {
						return "%s";
					}
				}
				""".formatted(className.substring(0, lastDot), annotation, className.substring(lastDot + 1), method,
				text));
	}

	static Map<String, String> colourController(String constructor, String members) {
		return SourceCompiler.of(COLOUR_CONTROLLER, """
				package dev.reload.it.fixture.app;

				import org.springframework.web.bind.annotation.GetMapping;
				import org.springframework.web.bind.annotation.RestController;

				@RestController
				public class ColourController {
					%s

					@GetMapping("/colour")
					public String colour() {
						return "the color is " + Colours.colour();
					}

					%s
				}
				""".formatted(constructor, members));
	}

	static Map<String, String> shades(String shade) {
		return SourceCompiler.of(SHADES, """
				package dev.reload.it.fixture.app;

				import org.springframework.stereotype.Service;

				@Service
				public class Shades {
					public String shade() {
						return "%s";
					}
				}
				""".formatted(shade));
	}

}
