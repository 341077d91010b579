package dev.reload.it;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import dev.reload.ReloadSucceededEvent;
import dev.reload.observation.ReloadObservationContext;
import dev.reload.testsupport.SourceCompiler;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.ObservationView;
import org.junit.jupiter.api.Test;

import org.springframework.context.ApplicationListener;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each reload is counted and timed by outcome and trigger under
 * {@code /actuator/metrics}, the serving generation is a gauge, and the reload runs
 * inside an observation that is current while it runs.
 *
 * @author reload-spring-boot
 */
class MetricsIntegrationTests extends FixtureApplicationTests {

	@Override
	String[] properties() {
		return new String[] { "management.endpoints.web.exposure.include=reload,metrics" };
	}

	@Test
	void reloadsAreCountedAndTimedByOutcomeAndTrigger() {
		SourceCompiler.compile(this.classes, FixtureSources.colours("ochre"));
		this.app.reloadNow();
		SourceCompiler.compile(this.classes,
				FixtureSources.helloGreeting("broken", "throw new IllegalStateException(\"no\");"));
		this.app.reloadNow();
		assertThat(metric("reload.reloads?tag=outcome:reloaded&tag=trigger:endpoint")
			.read("$.measurements[?(@.statistic=='COUNT')].value", List.class)).containsExactly(1.0);
		assertThat(metric("reload.reloads?tag=outcome:failed").read("$.measurements[?(@.statistic=='COUNT')].value",
				List.class))
			.containsExactly(1.0);
		DocumentContext duration = metric("reload.duration?tag=outcome:reloaded");
		assertThat(duration.read("$.measurements[?(@.statistic=='COUNT')].value", List.class)).containsExactly(1.0);
		assertThat(duration.read("$.measurements[?(@.statistic=='TOTAL_TIME')].value", List.class).get(0))
			.isInstanceOfSatisfying(Double.class, (seconds) -> assertThat(seconds).isPositive());
		assertThat(metric("reload.generation").read("$.measurements[0].value", Double.class)).isEqualTo(1.0);
	}

	@Test
	void aReloadRunsInsideAnObservationTaggedWithItsOutcome() {
		ObservationRegistry registry = this.app.context().getBean(ObservationRegistry.class);
		List<Observation.Context> stopped = new CopyOnWriteArrayList<>();
		registry.observationConfig().observationHandler(new ObservationHandler<>() {

			@Override
			public void onStop(Observation.Context context) {
				stopped.add(context);
			}

			@Override
			public boolean supportsContext(Observation.Context context) {
				return context instanceof ReloadObservationContext;
			}

		});
		List<String> currentDuringReload = new CopyOnWriteArrayList<>();
		this.app.context().addApplicationListener((ApplicationListener<ReloadSucceededEvent>) (event) -> {
			Observation current = registry.getCurrentObservation();
			currentDuringReload.add((current != null) ? current.getContext().getName() : "none");
		});
		SourceCompiler.compile(this.classes, FixtureSources.colours("ochre"));
		this.app.reloadNow();
		assertThat(currentDuringReload).containsExactly("reload");
		assertThat(stopped).singleElement().satisfies((context) -> {
			assertThat(context.getContextualName()).isEqualTo("reload endpoint");
			assertThat(context.getLowCardinalityKeyValues()).contains(KeyValue.of("outcome", "reloaded"),
					KeyValue.of("trigger", "endpoint"));
			assertThat(context.getHighCardinalityKeyValue("reload.generation").getValue()).isEqualTo("1");
		});
	}

	@Test
	void aReloadARequestTriggersIsObservedAsPartOfThatRequest() {
		ObservationRegistry registry = this.app.context().getBean(ObservationRegistry.class);
		List<String> parents = new CopyOnWriteArrayList<>();
		registry.observationConfig().observationHandler(new ObservationHandler<>() {

			@Override
			public void onStart(Observation.Context context) {
				ObservationView parent = context.getParentObservation();
				parents.add((parent != null) ? parent.getContextView().getName() : "none");
			}

			@Override
			public boolean supportsContext(Observation.Context context) {
				return context instanceof ReloadObservationContext;
			}

		});
		SourceCompiler.compile(this.classes, FixtureSources.colours("ochre"));
		this.app.awaitChangeNoticed();
		assertThat(this.app.get("/colour").body()).isEqualTo("the color is ochre");
		assertThat(parents).containsExactly("http.server.requests");
	}

	private DocumentContext metric(String path) {
		var response = this.app.get("/actuator/metrics/" + path);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JsonPath.parse(response.body());
	}

}
