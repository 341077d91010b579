package dev.reload.autoconfigure.web.servlet;

import java.util.List;

import dev.reload.BeanSwap;
import dev.reload.BeanSwapParticipant.Switch;
import dev.reload.autoconfigure.engine.RestartRequiredException;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import org.junit.jupiter.api.Test;

import org.springframework.context.support.GenericApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Where the servlet filter participant cannot switch a filter in place, it refuses it as
 * needing a restart: without Tomcat, and for a filter added, removed, or one that stopped
 * being one. (Switching one in on Tomcat is tested on a running server, in
 * {@code HeldWebBeansIntegrationTests}.)
 *
 * @author reload-spring-boot
 */
class ServletFilterSwapParticipantTests {

	private final GenericApplicationContext context = new GenericApplicationContext();

	private final ServletFilterSwapParticipant participant = new ServletFilterSwapParticipant(this.context);

	@Test
	void rebuiltFilterWithoutTomcatNeedsARestart() {
		assertThatExceptionOfType(RestartRequiredException.class)
			.isThrownBy(() -> this.participant.prepare(List.of(new BeanSwap("stamp", new Stamp(), new Stamp()))))
			.withMessageContaining("'stamp' (a servlet Filter, which the servlet container registered at start-up)");
	}

	@Test
	void filterAddedRemovedOrNoLongerOneNeedsARestart() {
		assertThatExceptionOfType(RestartRequiredException.class)
			.isThrownBy(() -> this.participant.prepare(List.of(new BeanSwap("stamp", null, new Stamp()))))
			.withMessageContaining("at start-up, added)");
		assertThatExceptionOfType(RestartRequiredException.class)
			.isThrownBy(() -> this.participant.prepare(List.of(new BeanSwap("stamp", new Stamp(), null))))
			.withMessageContaining("at start-up, removed)");
		assertThatExceptionOfType(RestartRequiredException.class)
			.isThrownBy(() -> this.participant.prepare(List.of(new BeanSwap("stamp", new Stamp(), "no filter"))))
			.withMessageContaining("at start-up, removed)");
	}

	@Test
	void otherBeansAreLeftAlone() {
		assertThat(this.participant.prepare(List.of(new BeanSwap("text", "old", "new")))).isSameAs(Switch.none());
	}

	static final class Stamp implements Filter {

		@Override
		public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) {
		}

	}

}
