package dev.reload.autoconfigure.modules;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link ModulePattern}.
 *
 * @author reload-spring-boot
 */
class ModulePatternTests {

	@Test
	void packagePatternMatchesThePackageAndItsSubPackagesByWholeSegments() {
		ModulePattern pattern = ModulePattern.parse("com.acme.web.*");
		assertThat(pattern.matches("com.acme.web.Home")).isTrue();
		assertThat(pattern.matches("com.acme.web.admin.Users")).isTrue();
		assertThat(pattern.matches("com.acme.web.Home$Inner")).isTrue();
		assertThat(pattern.matches("com.acme.webshop.Cart")).isFalse();
		assertThat(pattern.matches("com.acme.Web")).isFalse();
		assertThat(pattern.matches("com.acme.web")).isFalse();
	}

	@Test
	void exactNameMatchesTheClassAndItsNestedClassesOnly() {
		ModulePattern pattern = ModulePattern.parse("com.acme.Billing");
		assertThat(pattern.matches("com.acme.Billing")).isTrue();
		assertThat(pattern.matches("com.acme.Billing$Line")).isTrue();
		assertThat(pattern.matches("com.acme.BillingService")).isFalse();
		assertThat(pattern.matches("com.acme.Billing.Other")).isFalse();
	}

	@Test
	void surroundingWhitespaceIsIgnored() {
		assertThat(ModulePattern.parse("  com.acme.*  ").text()).isEqualTo("com.acme.*");
	}

	@Test
	void malformedPatternsAreRejectedNamingThem() {
		for (String malformed : new String[] { "", "com..acme", "com.acme.", "*", "com.*.web", "com.acme.**",
				"1com.acme", "com acme", "com.acme::Billing" }) {
			assertThatIllegalArgumentException().isThrownBy(() -> ModulePattern.parse(malformed))
				.withMessageContaining("'" + malformed + "'");
		}
	}

}
