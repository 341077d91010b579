package dev.reload.autoconfigure.web.servlet;

import java.util.List;

import dev.reload.BeanSwap;
import dev.reload.BeanSwapParticipant.Switch;
import dev.reload.autoconfigure.engine.RestartRequiredException;
import org.junit.jupiter.api.Test;

import org.springframework.context.support.GenericApplicationContext;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The private fields of Spring MVC the handler interceptor participant reaches are there
 * (it fails at start-up, naming one, when Spring changes it), and what it cannot switch
 * in place it refuses as needing a restart. (Switching an interceptor and its configurer
 * in on a running server is tested in {@code HeldWebBeansIntegrationTests}.)
 *
 * @author reload-spring-boot
 */
class HandlerInterceptorSwapParticipantTests {

	private final GenericApplicationContext context = new GenericApplicationContext();

	private final HandlerInterceptorSwapParticipant participant = new HandlerInterceptorSwapParticipant(this.context);

	HandlerInterceptorSwapParticipantTests() {
		this.context.refresh();
	}

	@Test
	void configurerOrInterceptorAddedOrRemovedNeedsARestart() {
		assertThatExceptionOfType(RestartRequiredException.class)
			.isThrownBy(() -> this.participant.prepare(List.of(new BeanSwap("web", null, new Configurer()))))
			.withMessageContaining("'web' (a WebMvcConfigurer, which Spring MVC called once at start-up, added)");
		assertThatExceptionOfType(RestartRequiredException.class)
			.isThrownBy(() -> this.participant.prepare(List.of(new BeanSwap("stamp", new Stamp(), null))))
			.withMessageContaining(
					"'stamp' (a handler interceptor, which the handler mappings hold from start-up, " + "removed)");
	}

	@Test
	void configurerWithAnotherCallbackNeedsARestart() {
		WebMvcConfigurer previous = new Configurer();
		WebMvcConfigurer next = new WebMvcConfigurer() {

			@Override
			public void addViewControllers(
					org.springframework.web.servlet.config.annotation.ViewControllerRegistry registry) {
			}

		};
		assertThatExceptionOfType(RestartRequiredException.class)
			.isThrownBy(() -> this.participant.prepare(List.of(new BeanSwap("web", previous, next))))
			.withMessageContaining("'web' (a WebMvcConfigurer, which Spring MVC called once at start-up)");
	}

	@Test
	void interceptorTheHandlerMappingsDoNotHoldAsItIsNeedsARestart() {
		// no handler mapping here holds it: it could be wrapped in one of the
		// application's
		assertThatExceptionOfType(RestartRequiredException.class)
			.isThrownBy(() -> this.participant.prepare(List.of(new BeanSwap("stamp", new Stamp(), new Stamp()))))
			.withMessageContaining("'stamp' (a handler interceptor, which the handler mappings hold from start-up, "
					+ "but not where the reload can find it)");
	}

	@Test
	void configurerThatThrowsWhenAskedAgainFailsTheReloadNamingIt() {
		WebMvcConfigurer next = new WebMvcConfigurer() {

			@Override
			public void addInterceptors(InterceptorRegistry registry) {
				throw new IllegalArgumentException("no interceptors today");
			}

		};
		assertThatIllegalStateException()
			.isThrownBy(() -> this.participant.prepare(List.of(new BeanSwap("web", new Configurer(), next))))
			.withMessageContaining("WebMvcConfigurer 'web' of class")
			.withMessageContaining("failed to register its interceptors")
			.withMessageContaining("no interceptors today");
	}

	@Test
	void otherBeansAreLeftAlone() {
		assertThat(this.participant.prepare(List.of(new BeanSwap("text", "old", "new")))).isSameAs(Switch.none());
	}

	static final class Configurer implements WebMvcConfigurer {

	}

	static final class Stamp implements HandlerInterceptor {

	}

}
