package dev.reload.autoconfigure;

import java.beans.PropertyDescriptor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.BeanUtils;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName.Form;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.boot.origin.Origin;
import org.springframework.core.env.Environment;

/**
 * Finds {@code reload.*} keys that no setting has, such as {@code reload.enabeld}, and
 * names the closest valid one: a misspelled key would otherwise be ignored without a
 * word, and the setting it meant would keep its default.
 *
 * @author reload-spring-boot
 */
final class UnknownReloadProperties {

	private static final ConfigurationPropertyName PREFIX = ConfigurationPropertyName.of(ReloadProperties.PREFIX);

	/** Each setting's name, uniform form (what relaxed binding compares) to dashed. */
	private static final Map<String, String> SETTINGS = settings();

	private UnknownReloadProperties() {
	}

	/**
	 * Return a warning for each unknown {@code reload.*} key in the environment.
	 * @param environment the environment
	 * @return the warnings, one per key
	 */
	static List<String> find(Environment environment) {
		Map<ConfigurationPropertyName, @Nullable Origin> unknown = new LinkedHashMap<>();
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
			if (source instanceof IterableConfigurationPropertySource iterable) {
				iterable.filter(PREFIX::isAncestorOf).stream().filter((name) -> !isKnown(name)).forEach((name) -> {
					ConfigurationProperty property = source.getConfigurationProperty(name);
					unknown.putIfAbsent(name, (property != null) ? property.getOrigin() : null);
				});
			}
		}
		List<String> warnings = new ArrayList<>();
		unknown.forEach((name, origin) -> warnings.add(warning(name, origin)));
		return warnings;
	}

	private static boolean isKnown(ConfigurationPropertyName name) {
		if (!SETTINGS.containsKey(name.getElement(1, Form.UNIFORM))) {
			return false;
		}
		// a list setting takes indexes below it; nothing else does
		for (int i = 2; i < name.getNumberOfElements(); i++) {
			if (!name.isNumericIndex(i)) {
				return false;
			}
		}
		return true;
	}

	private static String warning(ConfigurationPropertyName name, @Nullable Origin origin) {
		String where = (origin != null) ? " (" + origin + ")" : "";
		String element = name.getElement(1, Form.UNIFORM);
		String closest = SETTINGS.entrySet()
			.stream()
			.min(Comparator.comparingInt((setting) -> distance(element, setting.getKey())))
			.map(Map.Entry::getValue)
			.orElseThrow();
		return "Unknown property '" + name + "'" + where + " is ignored; did you mean '" + ReloadProperties.PREFIX + "."
				+ closest + "'? Valid settings: " + SETTINGS.values();
	}

	private static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int substitution = previous[j - 1] + ((a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1);
				current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

	private static Map<String, String> settings() {
		Map<String, String> settings = new LinkedHashMap<>();
		for (PropertyDescriptor descriptor : BeanUtils.getPropertyDescriptors(ReloadProperties.class)) {
			if (descriptor.getWriteMethod() != null) {
				String kebab = descriptor.getName().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase();
				settings.put(ConfigurationPropertyName.of(kebab).getElement(0, Form.UNIFORM), kebab);
			}
		}
		return settings;
	}

}
