package dev.reload.autoconfigure;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link UnknownReloadProperties}.
 *
 * @author reload-spring-boot
 */
class UnknownReloadPropertiesTests {

	@Test
	void misspelledKeyIsNamedWithTheClosestSetting() {
		StandardEnvironment environment = environment(Map.of("reload.enabeld", "false", "reload.tuch-file", "x"));
		assertThat(UnknownReloadProperties.find(environment)).satisfiesExactlyInAnyOrder(
				(warning) -> assertThat(warning).startsWith("Unknown property 'reload.enabeld'")
					.contains("did you mean 'reload.enabled'?"),
				(warning) -> assertThat(warning).startsWith("Unknown property 'reload.tuch-file'")
					.contains("did you mean 'reload.touch-file'?"));
	}

	@Test
	void everySettingInEveryRelaxedFormIsKnown() {
		StandardEnvironment environment = environment(Map.of("reload.touchFile", "a", "reload.quiet_period", "1s",
				"reload.directories[0]", "a", "reload.modules[3]", "com.acme.*", "reload.history-size", "3",
				"reload.mode", "watch", "reload.strict-permissions", "false", "reload.all", "false"));
		environment.getPropertySources()
			.addFirst(new SystemEnvironmentPropertySource("env", Map.of("RELOAD_DEBUG", "true", "RELOAD_DRAINTIMEOUT",
					"5s", "RELOAD_REQUEST_WAIT", "1s", "RELOAD_HISTORYFILE", "h")));
		assertThat(UnknownReloadProperties.find(environment)).isEmpty();
	}

	@Test
	void keysBelowAScalarSettingAreUnknown() {
		assertThat(UnknownReloadProperties.find(environment(Map.of("reload.debug.level", "all"))))
			.singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
			.contains("'reload.debug.level'");
	}

	@Test
	void otherPrefixesAreLeftAlone() {
		assertThat(UnknownReloadProperties.find(environment(Map.of("reloads.x", "1", "server.port", "0")))).isEmpty();
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void startUpLogsTheWarning(CapturedOutput output) {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Empty.class)
			.web(WebApplicationType.NONE)
			.properties("spring.main.banner-mode=off", "reload.enabeld=false")
			.run()) {
			assertThat(output).contains("WARN").contains("Unknown property 'reload.enabeld'");
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class Empty {

	}

	private static StandardEnvironment environment(Map<String, Object> properties) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
		return environment;
	}

}
