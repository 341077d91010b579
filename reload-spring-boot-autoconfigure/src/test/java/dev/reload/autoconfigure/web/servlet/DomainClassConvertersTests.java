package dev.reload.autoconfigure.web.servlet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The private fields of Spring's conversion service through which Spring Data's domain
 * class converter is found are there: this fails when Spring renames or changes one,
 * instead of the application failing to start. (Finding and refreshing the converter is
 * tested on the clinic sample, which has Spring Data.)
 *
 * @author reload-spring-boot
 */
class DomainClassConvertersTests {

	@Test
	void everyFieldOfTheConversionServiceItReadsExists() {
		assertThatNoException().isThrownBy(() -> Class.forName(DomainClassConverters.class.getName(), true,
				DomainClassConvertersTests.class.getClassLoader()));
	}

}
