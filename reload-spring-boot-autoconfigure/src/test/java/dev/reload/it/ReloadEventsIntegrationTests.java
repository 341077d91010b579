package dev.reload.it;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.reload.ReloadEvent;
import dev.reload.ReloadFailedEvent;
import dev.reload.ReloadOutcome;
import dev.reload.ReloadSucceededEvent;
import dev.reload.testsupport.SourceCompiler;
import org.junit.jupiter.api.Test;

import org.springframework.context.ApplicationListener;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application event follows each successful and each failed reload, with its report; a
 * reload that finds nothing publishes none.
 *
 * @author reload-spring-boot
 */
class ReloadEventsIntegrationTests extends FixtureApplicationTests {

	@Test
	void successAndFailureArePublishedWithTheirReports() {
		List<ReloadEvent> events = new CopyOnWriteArrayList<>();
		this.app.context().addApplicationListener((ApplicationListener<ReloadEvent>) events::add);
		SourceCompiler.compile(this.classes, FixtureSources.colours("ochre"));
		this.app.reloadNow();
		this.app.reloadNow();
		SourceCompiler.compile(this.classes,
				FixtureSources.helloGreeting("broken", "throw new IllegalStateException(\"no\");"));
		this.app.reloadNow();
		assertThat(events).hasSize(2);
		assertThat(events.get(0)).isInstanceOf(ReloadSucceededEvent.class);
		assertThat(events.get(0).getReport().outcome()).isEqualTo(ReloadOutcome.RELOADED);
		assertThat(events.get(0).getReport().changedClasses()).containsExactly(FixtureSources.COLOURS);
		assertThat(events.get(1)).isInstanceOf(ReloadFailedEvent.class);
		assertThat(events.get(1).getReport().error()).contains("helloGreeting");
	}

}
