package dev.reload.it;

import java.nio.file.Path;
import java.util.List;

import com.jayway.jsonpath.DocumentContext;
import dev.reload.testsupport.SourceCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new generation is verified before it is switched in: code that needs what the running
 * application lacks fails the reload, naming the missing member and who refers to it, and
 * the old code keeps serving.
 *
 * @author reload-spring-boot
 */
class VerificationIntegrationTests extends FixtureApplicationTests {

	private static final String BILLING = FixtureSources.PACKAGE + "Billing";

	@TempDir
	Path newerLibrary;

	@Test
	void codeCompiledAgainstANewerLibraryFailsNamingTheMissingMethod() {
		SourceCompiler.compile(this.newerLibrary, SourceCompiler.of("dev.reload.it.lib.Gateway", """
				package dev.reload.it.lib;

				public class Gateway {
					public String charge(String amount) {
						return "charged " + amount;
					}

					public void refund(String amount) {
					}
				}
				"""));
		SourceCompiler.compile(this.classes, SourceCompiler.of(BILLING, """
				package dev.reload.it.fixture.app;

				import dev.reload.it.lib.Gateway;
				import org.springframework.stereotype.Service;

				@Service
				public class Billing {
					public void charge() {
						new Gateway().refund("10");
					}
				}
				"""), List.of(this.newerLibrary));
		DocumentContext report = this.app.reloadNow();
		assertThat(report.read("$.outcome", String.class)).isEqualTo("FAILED");
		assertThat(report.read("$.error", String.class)).contains(BILLING
				+ ".charge() calls dev.reload.it.lib.Gateway.refund(Ljava/lang/String;)V, which the running classpath lacks");
		assertThat(this.app.context().containsBean("billing")).isFalse();
		assertThat(this.app.get("/greeting").body()).isEqualTo("hello");
	}

	@Test
	void renamedMethodWithAnUnchangedCallerFailsBeforeAnyRequestDoes() {
		SourceCompiler.compile(this.classes, FixtureSources.staticText(FixtureSources.COLOURS, "hue", "red", ""));
		DocumentContext report = this.app.reloadNow();
		assertThat(report.read("$.outcome", String.class)).isEqualTo("FAILED");
		assertThat(report.read("$.error", String.class)).contains(FixtureSources.COLOUR_CONTROLLER + ".colour() calls "
				+ FixtureSources.COLOURS + ".colour()Ljava/lang/String;, which the running classpath lacks");
		assertThat(this.app.get("/colour").body()).isEqualTo("the color is white");
	}

}
