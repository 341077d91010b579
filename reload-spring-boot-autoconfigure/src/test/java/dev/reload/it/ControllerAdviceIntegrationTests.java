package dev.reload.it;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.reload.testsupport.SourceCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code @RestControllerAdvice} whose class changes: its {@code @ExceptionHandler},
 * {@code @ModelAttribute} and {@code @InitBinder} methods of the new class run on the new
 * instance from the next request on (Spring MVC caches the advice at start-up), and an
 * advice added by a reload takes effect too.
 *
 * @author reload-spring-boot
 */
class ControllerAdviceIntegrationTests {

	private static final String ADVICE = FixtureSources.PACKAGE + "GlobalAdvice";

	@TempDir
	Path classes;

	@Test
	void changedAdviceIsUsedOnTheNextRequest() {
		Map<String, String> sources = new LinkedHashMap<>(FixtureSources.initial());
		sources.putAll(advice("handled", "hello", "trimmed"));
		sources.putAll(SourceCompiler.of(FixtureSources.PACKAGE + "AdvisedController", """
				package dev.reload.it.fixture.app;

				import org.springframework.web.bind.annotation.GetMapping;
				import org.springframework.web.bind.annotation.ModelAttribute;
				import org.springframework.web.bind.annotation.RequestParam;
				import org.springframework.web.bind.annotation.RestController;

				@RestController
				public class AdvisedController {
					@GetMapping("/fail")
					public String fail() {
						throw new IllegalStateException("boom");
					}

					@GetMapping("/model")
					public String model(@ModelAttribute("salutation") String salutation) {
						return salutation;
					}

					@GetMapping("/bound")
					public String bound(@RequestParam("name") String name) {
						return "[" + name + "]";
					}
				}
				"""));
		SourceCompiler.compile(this.classes, sources);
		try (RunningApplication app = RunningApplication.start(this.classes)) {
			assertThat(app.get("/fail").body()).isEqualTo("handled: boom");
			assertThat(app.get("/model").body()).isEqualTo("hello");
			assertThat(app.get("/bound?name=x").body()).isEqualTo("[x]");
			SourceCompiler.compile(this.classes, advice("caught", "bonjour", "bound"));
			assertThat(app.reloadNow().read("$.outcome", String.class)).isEqualTo("RELOADED");
			assertThat(app.get("/fail").statusCode()).isEqualTo(200);
			assertThat(app.get("/fail").body()).isEqualTo("caught: boom");
			assertThat(app.get("/model").body()).isEqualTo("bonjour");
			assertThat(app.get("/bound?name=x").body()).isEqualTo("[bound x]");
		}
	}

	/**
	 * An advice whose exception handler prefixes the message, whose model attribute is
	 * the salutation, and whose binder, when the marker is "bound", prefixes bound
	 * strings.
	 */
	private static Map<String, String> advice(String prefix, String salutation, String marker) {
		return SourceCompiler.of(ADVICE, """
				package dev.reload.it.fixture.app;

				import java.beans.PropertyEditorSupport;

				import org.springframework.web.bind.WebDataBinder;
				import org.springframework.web.bind.annotation.ExceptionHandler;
				import org.springframework.web.bind.annotation.InitBinder;
				import org.springframework.web.bind.annotation.ModelAttribute;
				import org.springframework.web.bind.annotation.RestControllerAdvice;

				@RestControllerAdvice
				public class GlobalAdvice {
					@ExceptionHandler(IllegalStateException.class)
					public String handle(IllegalStateException ex) {
						return "%s: " + ex.getMessage();
					}

					@ModelAttribute("salutation")
					public String salutation() {
						return "%s";
					}

					@InitBinder
					public void binder(WebDataBinder binder) {
						if ("%s".equals("bound")) {
							binder.registerCustomEditor(String.class, new PropertyEditorSupport() {
								@Override
								public void setAsText(String text) {
									setValue("bound " + text);
								}
							});
						}
					}
				}
				""".formatted(prefix, salutation, marker));
	}

}
