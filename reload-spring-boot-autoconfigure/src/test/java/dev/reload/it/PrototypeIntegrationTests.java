package dev.reload.it;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.reload.testsupport.SourceCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A prototype bean whose class changes: the next instance is of the new class, for a
 * rebuilt consumer that asks for one, and a consumer that is given one keeps it, as
 * without reloading.
 *
 * @author reload-spring-boot
 */
class PrototypeIntegrationTests {

	@TempDir
	Path classes;

	@Test
	void changedPrototypeIsCreatedFromTheNewClass() {
		Map<String, String> sources = new LinkedHashMap<>(FixtureSources.initial());
		sources.putAll(stamp("first"));
		sources.putAll(SourceCompiler.of(FixtureSources.PACKAGE + "StampController", """
				package dev.reload.it.fixture.app;

				import org.springframework.beans.factory.ObjectProvider;
				import org.springframework.web.bind.annotation.GetMapping;
				import org.springframework.web.bind.annotation.RestController;

				@RestController
				public class StampController {
					private final ObjectProvider<Stamp> stamps;

					public StampController(ObjectProvider<Stamp> stamps) {
						this.stamps = stamps;
					}

					@GetMapping("/stamp")
					public String stamp() {
						Stamp one = this.stamps.getObject();
						Stamp two = this.stamps.getObject();
						return one.text() + (one == two ? " shared" : " fresh");
					}
				}
				"""));
		SourceCompiler.compile(this.classes, sources);
		try (RunningApplication app = RunningApplication.start(this.classes)) {
			assertThat(app.get("/stamp").body()).isEqualTo("first fresh");
			SourceCompiler.compile(this.classes, stamp("second"));
			assertThat(app.reloadNow().read("$.outcome", String.class)).isEqualTo("RELOADED");
			assertThat(app.get("/stamp").body()).isEqualTo("second fresh");
			assertThat(app.context().getBeanFactory().isPrototype("stamp")).isTrue();
			assertThat(app.context().getBeanFactory().containsSingleton("stamp")).isFalse();
		}
	}

	private static Map<String, String> stamp(String text) {
		return SourceCompiler.of(FixtureSources.PACKAGE + "Stamp", """
				package dev.reload.it.fixture.app;

				import org.springframework.context.annotation.Scope;
				import org.springframework.stereotype.Component;

				@Component
				@Scope("prototype")
				public class Stamp {
					public String text() {
						return "%s";
					}
				}
				""".formatted(text));
	}

}
