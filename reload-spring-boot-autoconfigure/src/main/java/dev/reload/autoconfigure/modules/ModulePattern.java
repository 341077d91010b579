package dev.reload.autoconfigure.modules;

import java.util.regex.Pattern;

import org.springframework.util.Assert;

/**
 * A class name or package pattern, as in Apache2::Reload's {@code ReloadModules}, matched
 * by whole name segments: {@code com.acme.web.*} names every class in
 * {@code com.acme.web} and its sub-packages and never {@code com.acme.webshop.X}; an
 * exact name such as {@code com.acme.Billing} names that class and its nested classes.
 *
 * @param text the pattern as written
 * @author reload-spring-boot
 */
public record ModulePattern(String text) {

	private static final String IDENTIFIER = "[\\p{L}_$][\\p{L}\\p{N}_$]*";

	private static final Pattern SYNTAX = Pattern.compile(IDENTIFIER + "(\\." + IDENTIFIER + ")*(\\.\\*)?");

	public ModulePattern {
		Assert.notNull(text, "'text' must not be null");
	}

	/**
	 * Parse a pattern.
	 * @param text the pattern, such as {@code com.acme.web.*} or {@code com.acme.Billing}
	 * @return the pattern
	 * @throws IllegalArgumentException if the text is neither a class name nor a package
	 * followed by {@code .*}
	 */
	public static ModulePattern parse(String text) {
		String trimmed = (text != null) ? text.trim() : "";
		if (!SYNTAX.matcher(trimmed).matches()) {
			throw new IllegalArgumentException("'" + text + "' is not a class name or package pattern; "
					+ "use a fully qualified class name such as com.acme.Billing or a package followed by .* "
					+ "such as com.acme.web.*");
		}
		return new ModulePattern(trimmed);
	}

	/**
	 * Return whether the pattern names the given class.
	 * @param className a binary class name, such as {@code com.acme.Billing$Line}
	 * @return whether it matches
	 */
	public boolean matches(String className) {
		if (this.text.endsWith(".*")) {
			return className.startsWith(this.text.substring(0, this.text.length() - 1));
		}
		return className.equals(this.text) || className.startsWith(this.text + "$");
	}

	@Override
	public String toString() {
		return this.text;
	}

}
