package dev.reload.it;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import dev.reload.testsupport.SourceCompiler;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code reload} health contributor reports the generation and the last reload, and
 * stays {@code UP} after a failed reload: the old code keeps serving.
 *
 * @author reload-spring-boot
 */
class HealthIntegrationTests extends FixtureApplicationTests {

	@Override
	String[] properties() {
		return new String[] { "management.endpoints.web.exposure.include=reload,health",
				"management.endpoint.health.show-details=always" };
	}

	@Test
	void failedReloadIsReportedWithoutTakingTheInstanceDown() {
		DocumentContext before = health();
		assertThat(before.read("$.components.reload.status", String.class)).isEqualTo("UP");
		assertThat(before.read("$.components.reload.details.generation", Integer.class)).isZero();
		SourceCompiler.compile(this.classes,
				FixtureSources.helloGreeting("broken", "throw new IllegalStateException(\"no\");"));
		assertThat(this.app.reloadNow().read("$.outcome", String.class)).isEqualTo("FAILED");
		DocumentContext after = health();
		assertThat(after.read("$.status", String.class)).isEqualTo("UP");
		assertThat(after.read("$.components.reload.status", String.class)).isEqualTo("UP");
		assertThat(after.read("$.components.reload.details.lastOutcome", String.class)).isEqualTo("FAILED");
		assertThat(after.read("$.components.reload.details.error", String.class)).contains("helloGreeting");
	}

	private DocumentContext health() {
		return JsonPath.parse(this.app.get("/actuator/health").body());
	}

}
