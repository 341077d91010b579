package dev.reload.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.DocumentContext;
import dev.reload.testsupport.SourceCompiler;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /actuator/reload/rollback} returns to the code before the last reload
 * through the same verified, atomic path, and is recorded like a reload.
 *
 * @author reload-spring-boot
 */
class RollbackIntegrationTests extends FixtureApplicationTests {

	@Test
	void rollbackRestoresThePreviousCodeAndKeepsItUntilFilesChange() {
		SourceCompiler.compile(this.classes, FixtureSources.colours("red"));
		assertThat(this.app.reloadNow().read("$.generation", Integer.class)).isEqualTo(1);
		assertThat(this.app.get("/colour").body()).isEqualTo("the color is red");
		DocumentContext rollback = rollback();
		assertThat(rollback.read("$.outcome", String.class)).isEqualTo("RELOADED");
		assertThat(rollback.read("$.trigger", String.class)).isEqualTo("ROLLBACK");
		assertThat(rollback.read("$.generation", Integer.class)).isEqualTo(2);
		assertThat(rollback.read("$.changedClasses", List.class)).containsExactly(FixtureSources.COLOURS);
		assertThat(rollback.read("$.rebuiltBeans", List.class)).containsExactly("colourController");
		for (int i = 0; i < 3; i++) {
			assertThat(this.app.get("/colour").body()).isEqualTo("the color is white");
		}
		assertThat(this.app.status().read("$.history[*].trigger", List.class)).containsExactly("ROLLBACK", "ENDPOINT");
		// nothing further to undo
		assertThat(rollback().read("$.outcome", String.class)).isEqualTo("NO_CHANGES");
		// a new version on disk is applied as usual
		SourceCompiler.compile(this.classes, FixtureSources.colours("green"));
		this.app.awaitChangeNoticed();
		assertThat(this.app.get("/colour").body()).isEqualTo("the color is green");
	}

	@Test
	void rollbackRemovesWhatTheReloadAdded() {
		Map<String, String> sources = new LinkedHashMap<>(FixtureSources.shades("dark"));
		sources.putAll(FixtureSources.colourController("""
				private final Shades shades;
				public ColourController(Shades shades) { this.shades = shades; }
				""", "@GetMapping(\"/shade\") public String shade() { return this.shades.shade(); }"));
		SourceCompiler.compile(this.classes, sources);
		assertThat(this.app.reloadNow().read("$.outcome", String.class)).isEqualTo("RELOADED");
		assertThat(this.app.get("/shade").body()).isEqualTo("dark");
		assertThat(rollback().read("$.outcome", String.class)).isEqualTo("RELOADED");
		assertThat(this.app.get("/shade").statusCode()).isEqualTo(404);
		assertThat(this.app.context().containsBean("shades")).isFalse();
		assertThat(this.app.get("/colour").body()).isEqualTo("the color is white");
	}

	@Test
	void unknownActionIsABadRequestNamingIt() {
		HttpResponse<String> response = this.app.post("/actuator/reload/rolback");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("rolback");
	}

	@Test
	void malformedBodyIsABadRequest() throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.app.url("/actuator/reload")))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{not json"))
			.build();
		HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(this.app.get("/colour").body()).isEqualTo("the color is white");
	}

	private DocumentContext rollback() {
		HttpResponse<String> response = this.app.post("/actuator/reload/rollback");
		assertThat(response.statusCode()).isEqualTo(200);
		return com.jayway.jsonpath.JsonPath.parse(response.body());
	}

}
