package dev.reload.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration metadata that IDEs read: every {@code reload.*} setting has a
 * description, a default where it has one, and hints where it takes fixed values.
 *
 * @author reload-spring-boot
 */
class ConfigurationMetadataTests {

	@Test
	void everySettingHasADescription() throws IOException {
		List<Map<String, Object>> properties = metadata().read("$.properties[?(@.name =~ /reload\\..*/)]");
		assertThat(properties).extracting((property) -> property.get("name"))
			.contains("reload.enabled", "reload.all", "reload.modules", "reload.directories", "reload.touch-file",
					"reload.debug", "reload.mode", "reload.quiet-period", "reload.request-wait", "reload.drain-timeout",
					"reload.history-size", "reload.strict-permissions", "reload.history-file");
		assertThat(properties)
			.allSatisfy((property) -> assertThat((String) property.get("description")).as("%s", property.get("name"))
				.isNotBlank());
	}

	@Test
	void settingsWithADefaultDeclareIt() throws IOException {
		DocumentContext metadata = metadata();
		assertThat(defaultOf(metadata, "reload.enabled")).isEqualTo(true);
		assertThat(defaultOf(metadata, "reload.all")).isEqualTo(true);
		assertThat(defaultOf(metadata, "reload.debug")).isEqualTo(false);
		assertThat(defaultOf(metadata, "reload.mode")).isEqualTo("auto");
		assertThat(defaultOf(metadata, "reload.quiet-period")).isEqualTo("10ms");
		assertThat(defaultOf(metadata, "reload.history-size")).isEqualTo(20);
	}

	@Test
	void modeHasAHintForEachValue() throws IOException {
		List<String> values = metadata().read("$.hints[?(@.name == 'reload.mode')].values[*].value");
		assertThat(values).containsExactly("auto", "request", "watch", "manual");
		assertThat(values).hasSize(ReloadProperties.Mode.values().length);
	}

	private static Object defaultOf(DocumentContext metadata, String name) {
		List<Object> defaults = metadata.read("$.properties[?(@.name == '" + name + "')].defaultValue");
		assertThat(defaults).as(name).hasSize(1);
		return defaults.get(0);
	}

	private static DocumentContext metadata() throws IOException {
		try (InputStream input = new ClassPathResource("META-INF/spring-configuration-metadata.json")
			.getInputStream()) {
			return JsonPath.parse(input);
		}
	}

}
