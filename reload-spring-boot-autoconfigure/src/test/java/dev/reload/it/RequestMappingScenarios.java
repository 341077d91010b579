package dev.reload.it;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import dev.reload.testsupport.SourceCompiler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a rebuilt controller's request mappings must do, the same on Spring MVC and on
 * Spring WebFlux.
 *
 * @author reload-spring-boot
 */
final class RequestMappingScenarios {

	private RequestMappingScenarios() {
	}

	/**
	 * A mapping added to a controller is served on the next request, and gone once it is
	 * removed again; the controller's other mappings keep serving throughout.
	 * @param app the running fixture application
	 * @param classes its reload directory
	 */
	static void addedMappingIsServedAndRemovedMappingIsGone(RunningApplication app, Path classes) {
		assertThat(app.get("/shade").statusCode()).isEqualTo(404);
		SourceCompiler.compile(classes, FixtureSources.colourController("",
				"@GetMapping(\"/shade\") public String shade() { return \"pale\"; }"));
		app.awaitChangeNoticed();
		HttpResponse<String> added = app.get("/shade");
		assertThat(added.statusCode()).isEqualTo(200);
		assertThat(added.body()).isEqualTo("pale");
		assertThat(app.get("/colour").body()).isEqualTo("the color is white");
		SourceCompiler.compile(classes, FixtureSources.colourController("", ""));
		app.awaitChangeNoticed();
		assertThat(app.get("/shade").statusCode()).isEqualTo(404);
		assertThat(app.get("/colour").body()).isEqualTo("the color is white");
	}

}
