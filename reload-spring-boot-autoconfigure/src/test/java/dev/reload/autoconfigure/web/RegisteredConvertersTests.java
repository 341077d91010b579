package dev.reload.autoconfigure.web;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import org.springframework.format.Formatter;
import org.springframework.format.support.DefaultFormattingConversionService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The converters registered in a conversion service are read from its private fields:
 * this fails when Spring renames or changes one, instead of the application failing to
 * start.
 *
 * @author reload-spring-boot
 */
class RegisteredConvertersTests {

	@Test
	void readsTheGlobalConvertersAndThoseOfEachPairOfTypes() {
		DefaultFormattingConversionService service = new DefaultFormattingConversionService(false);
		int before = RegisteredConverters.of(service).size();
		service.addFormatter(new Formatter<Locale>() {

			@Override
			public String print(Locale locale, Locale printLocale) {
				return locale.toLanguageTag();
			}

			@Override
			public Locale parse(String text, Locale parseLocale) {
				return Locale.forLanguageTag(text);
			}

		});
		// a printer and a parser adapter
		assertThat(RegisteredConverters.of(service)).hasSize(before + 2);
		assertThat(before).isPositive();
	}

}
