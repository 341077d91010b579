package dev.reload.autoconfigure.web;

import java.util.List;
import java.util.Locale;

import dev.reload.BeanSwap;
import dev.reload.BeanSwapParticipant.Switch;
import dev.reload.autoconfigure.engine.RestartRequiredException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.core.convert.converter.Converter;
import org.springframework.format.Formatter;
import org.springframework.format.support.FormattingConversionService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A rebuilt converter or formatter bean converts from the switch on, through the adapter
 * Spring Boot registered it with at start-up, and the old one again once the switch is
 * undone; one that would need the conversion service to file it anew needs a restart.
 *
 * @author reload-spring-boot
 */
class ConverterBeanSwapParticipantTests {

	private final DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();

	private final FormattingConversionService service = new FormattingConversionService();

	private final ConverterBeanSwapParticipant participant = new ConverterBeanSwapParticipant(this.beanFactory);

	@Test
	void rebuiltFormatterFormatsFromTheSwitchOnAndTheOldOneOnceItIsUndone() {
		Stamp old = new Stamp("<");
		register("stamp", old);
		assertThat(this.service.convert(new Point(1), String.class)).isEqualTo("<1");
		Switch change = this.participant.prepare(List.of(new BeanSwap("stamp", old, new Stamp("~"))));
		// nothing changes before the switch
		assertThat(this.service.convert(new Point(1), String.class)).isEqualTo("<1");
		change.apply();
		assertThat(this.service.convert(new Point(2), String.class)).isEqualTo("~2");
		assertThat(this.service.convert("~3", Point.class)).isEqualTo(new Point(3));
		change.undo();
		assertThat(this.service.convert(new Point(4), String.class)).isEqualTo("<4");
	}

	@Test
	void rebuiltConverterConvertsFromTheSwitchOn() {
		Converter<String, Point> old = new Lengths(1);
		register("lengths", old);
		assertThat(this.service.convert("abc", Point.class)).isEqualTo(new Point(3));
		this.participant.prepare(List.of(new BeanSwap("lengths", old, new Lengths(10)))).apply();
		assertThat(this.service.convert("abc", Point.class)).isEqualTo(new Point(30));
	}

	@Test
	void converterOfOtherTypesNeedsARestart() {
		Stamp old = new Stamp("<");
		register("stamp", old);
		assertThatExceptionOfType(RestartRequiredException.class)
			.isThrownBy(() -> this.participant.prepare(List.of(new BeanSwap("stamp", old, new Lengths(1)))))
			.withMessageContaining("'stamp' (a converter or formatter of other types than at start-up)");
		assertThat(this.service.convert(new Point(1), String.class)).isEqualTo("<1");
	}

	@Test
	void addedOrRemovedConverterNeedsARestart() {
		assertThatExceptionOfType(RestartRequiredException.class)
			.isThrownBy(() -> this.participant.prepare(List.of(new BeanSwap("stamp", null, new Stamp("<")))))
			.withMessageContaining("'stamp' (a converter or formatter added");
		assertThatExceptionOfType(RestartRequiredException.class)
			.isThrownBy(() -> this.participant.prepare(List.of(new BeanSwap("stamp", new Stamp("<"), null))))
			.withMessageContaining("'stamp' (a converter or formatter removed");
	}

	@Test
	void otherBeansAreLeftAlone() {
		assertThat(this.participant.prepare(List.of(new BeanSwap("text", "old", "new")))).isSameAs(Switch.none());
	}

	/** Registers a bean the way Spring Boot's web auto-configuration does. */
	@SuppressWarnings("unchecked")
	private <T> void register(String name, T bean) {
		this.beanFactory.registerBeanDefinition(name, new RootBeanDefinition((Class<T>) bean.getClass(), () -> bean));
		this.beanFactory.registerSingleton("mvcConversionService", this.service);
		ApplicationConversionService.addBeans(this.service, this.beanFactory);
	}

	record Point(int x) {
	}

	static final class Stamp implements Formatter<Point> {

		private final String prefix;

		Stamp(String prefix) {
			this.prefix = prefix;
		}

		@Override
		public String print(Point point, Locale locale) {
			return this.prefix + point.x();
		}

		@Override
		public Point parse(String text, Locale locale) {
			return new Point(Integer.parseInt(text.substring(this.prefix.length())));
		}

	}

	static final class Lengths implements Converter<String, Point> {

		private final int factor;

		Lengths(int factor) {
			this.factor = factor;
		}

		@Override
		public Point convert(String source) {
			return new Point(source.length() * this.factor);
		}

	}

}
