package dev.reload.it;

import dev.reload.testsupport.SourceCompiler;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Apache2::Reload's own test, ported: a reloadable module with a constant, a method whose
 * signature changes, a simple method and one that delegates to a nested class is
 * rewritten and served anew on the next request; once unregistered, further changes are
 * not reloaded.
 *
 * @author reload-spring-boot
 */
class OriginalReloadTestIntegrationTests {

	private static final String RELOAD_TEST = FixtureSources.PACKAGE + "ReloadTest";

	@TempDir
	Path classes;

	@Test
	void reloadsTheRewrittenModuleUntilItIsUnregistered() {
		Map<String, String> sources = new LinkedHashMap<>(FixtureSources.initial());
		sources.putAll(version1());
		SourceCompiler.compile(this.classes, sources);
		try (RunningApplication app = RunningApplication.start(this.classes, "reload.all=false")) {
			assertThat(app.get("/reload-test").body())
				.isEqualTo("constant:const prototype:prototype simple:simple subpackage:subpackage");
			SourceCompiler.compile(this.classes, version2());
			app.awaitChangeNoticed();
			assertThat(app.get("/reload-test").body())
				.isEqualTo("constant:CONST prototype:PROTOTYPE simple:SIMPLE subpackage:SUBPACKAGE");
			assertThat(app.get("/reload-test/unregister").body()).isEqualTo("unregistered");
			SourceCompiler.compile(this.classes, version3());
			assertThat(app.reloadNow().read("$.outcome", String.class)).isEqualTo("NO_CHANGES");
			assertThat(app.get("/reload-test").body())
				.isEqualTo("constant:CONST prototype:PROTOTYPE simple:SIMPLE subpackage:SUBPACKAGE");
		}
	}

	private static Map<String, String> version1() {
		return reloadTest("const", "String prototype(String value) { return value; }", "prototype(\"prototype\")",
				"simple", "subpackage", "String removed() { return \"removed\"; }");
	}

	/**
	 * The second version: a new constant, a changed signature, changed bodies and a
	 * removed method.
	 */
	private static Map<String, String> version2() {
		return reloadTest("CONST", "String prototype(int times) { return \"PROTOTYPE\".repeat(times); }",
				"prototype(1)", "SIMPLE", "SUBPACKAGE", "");
	}

	private static Map<String, String> version3() {
		return reloadTest("CONST", "String prototype(int times) { return \"PROTOTYPE\".repeat(times); }",
				"prototype(1)", "third", "SUBPACKAGE", "");
	}

	private static Map<String, String> reloadTest(String constant, String prototype, String prototypeCall,
			String simple, String subpackage, String extra) {
		return SourceCompiler.of(RELOAD_TEST, """
				package dev.reload.it.fixture.app;

				import dev.reload.Reloadable;
				import dev.reload.Reloader;
				import org.springframework.web.bind.annotation.GetMapping;
				import org.springframework.web.bind.annotation.RestController;

				@Reloadable
				@RestController
				public class ReloadTest {
					static final String CONSTANT = "%s";

					private final Reloader reloader;

					public ReloadTest(Reloader reloader) {
						this.reloader = reloader;
					}

					%s

					String simple() {
						return "%s";
					}

					%s

					@GetMapping("/reload-test")
					public String handler() {
						return "constant:" + CONSTANT + " prototype:" + %s + " simple:" + simple()
								+ " subpackage:" + Sub.value();
					}

					@GetMapping("/reload-test/unregister")
					public String unregister() {
						this.reloader.unregisterModule(ReloadTest.class.getName());
						return "unregistered";
					}

					static class Sub {
						static String value() {
							return "%s";
						}
					}
				}
				""".formatted(constant, prototype, simple, extra, prototypeCall, subpackage));
	}

}
