package dev.reload.autoconfigure.compile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * What a project's {@code pom.xml} tells the compiler: the source encoding, whether
 * annotation processing is off, the processors of {@code annotationProcessorPaths} and
 * the {@code -A} processor options, read from the {@code maven-compiler-plugin}'s
 * configuration and the project's properties. Only the project's own file is read: what a
 * parent sets is taken from the class files the build wrote, or the defaults.
 *
 * @author reload-spring-boot
 */
record MavenCompilerConfiguration(@Nullable String encoding, boolean processingOff,
		@Nullable List<Coordinates> processorPaths, List<String> processorOptions) {

	static final MavenCompilerConfiguration NONE = new MavenCompilerConfiguration(null, false, null, List.of());

	private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");

	/**
	 * Read the configuration of the project that has the given source root, if it is a
	 * Maven project.
	 * @param sourceRoot a source root, such as {@code src/main/java}
	 * @return the configuration, {@link #NONE} when there is no {@code pom.xml}
	 * @throws IllegalStateException if the {@code pom.xml} cannot be read
	 */
	static MavenCompilerConfiguration of(Path sourceRoot) {
		Path pom = findPom(sourceRoot);
		if (pom == null) {
			return NONE;
		}
		try {
			return parse(pom);
		}
		catch (IOException | SAXException | ParserConfigurationException ex) {
			throw new IllegalStateException("Could not read the compiler settings of " + pom + ": " + ex.getMessage(),
					ex);
		}
	}

	private static @Nullable Path findPom(Path sourceRoot) {
		// src/main/java -> the project directory, three levels up
		Path candidate = sourceRoot;
		for (int i = 0; i < 3 && candidate != null; i++) {
			candidate = candidate.getParent();
		}
		Path pom = (candidate != null) ? candidate.resolve("pom.xml") : null;
		return (pom != null && Files.isRegularFile(pom)) ? pom : null;
	}

	private static MavenCompilerConfiguration parse(Path pom)
			throws IOException, SAXException, ParserConfigurationException {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		// a build file is not trusted to fetch or expand anything
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
		factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
		factory.setExpandEntityReferences(false);
		DocumentBuilder builder = factory.newDocumentBuilder();
		Document document = builder.parse(pom.toFile());
		Element project = document.getDocumentElement();
		Map<String, String> properties = properties(project);
		Element configuration = compilerConfiguration(project);
		String encoding = resolve(text(child(configuration, "encoding")), properties);
		if (encoding == null) {
			encoding = properties.getOrDefault("project.build.sourceEncoding",
					properties.get("maven.compiler.encoding"));
		}
		boolean processingOff = "none".equals(resolve(text(child(configuration, "proc")), properties))
				|| "none".equals(properties.get("maven.compiler.proc"));
		List<Coordinates> processorPaths = null;
		Element paths = child(configuration, "annotationProcessorPaths");
		if (paths != null) {
			processorPaths = new ArrayList<>();
			for (Element path : children(paths, "path")) {
				String groupId = resolve(text(child(path, "groupId")), properties);
				String artifactId = resolve(text(child(path, "artifactId")), properties);
				if (groupId != null && artifactId != null) {
					processorPaths
						.add(new Coordinates(groupId, artifactId, resolve(text(child(path, "version")), properties)));
				}
			}
		}
		List<String> options = new ArrayList<>();
		Element args = child(configuration, "compilerArgs");
		if (args != null) {
			for (Element arg : children(args, "arg")) {
				String value = resolve(text(arg), properties);
				if (value != null && value.startsWith("-A")) {
					options.add(value);
				}
			}
		}
		return new MavenCompilerConfiguration(encoding, processingOff, processorPaths, List.copyOf(options));
	}

	private static Map<String, String> properties(Element project) {
		Map<String, String> properties = new HashMap<>();
		Element element = child(project, "properties");
		if (element != null) {
			for (Element property : children(element, null)) {
				String value = text(property);
				if (value != null) {
					properties.put(property.getTagName(), value);
				}
			}
		}
		return properties;
	}

	private static @Nullable Element compilerConfiguration(Element project) {
		Element build = child(project, "build");
		if (build == null) {
			return null;
		}
		Element configuration = compilerPluginConfiguration(child(build, "plugins"));
		return (configuration != null) ? configuration
				: compilerPluginConfiguration(child(child(build, "pluginManagement"), "plugins"));
	}

	private static @Nullable Element compilerPluginConfiguration(@Nullable Element plugins) {
		for (Element plugin : children(plugins, "plugin")) {
			if ("maven-compiler-plugin".equals(text(child(plugin, "artifactId")))) {
				return child(plugin, "configuration");
			}
		}
		return null;
	}

	private static @Nullable String resolve(@Nullable String value, Map<String, String> properties) {
		if (value == null) {
			return null;
		}
		Matcher matcher = PROPERTY.matcher(value);
		StringBuilder resolved = new StringBuilder();
		while (matcher.find()) {
			String replacement = properties.get(matcher.group(1));
			if (replacement == null) {
				// set by a parent this does not read
				return null;
			}
			matcher.appendReplacement(resolved, Matcher.quoteReplacement(replacement));
		}
		matcher.appendTail(resolved);
		return resolved.toString();
	}

	private static @Nullable Element child(@Nullable Element parent, String name) {
		List<Element> children = children(parent, name);
		return children.isEmpty() ? null : children.get(0);
	}

	private static List<Element> children(@Nullable Element parent, @Nullable String name) {
		List<Element> children = new ArrayList<>();
		if (parent == null) {
			return children;
		}
		NodeList nodes = parent.getChildNodes();
		for (int i = 0; i < nodes.getLength(); i++) {
			Node node = nodes.item(i);
			if (node instanceof Element element && (name == null || name.equals(element.getTagName()))) {
				children.add(element);
			}
		}
		return children;
	}

	private static @Nullable String text(@Nullable Element element) {
		if (element == null) {
			return null;
		}
		String text = element.getTextContent().trim();
		return text.isEmpty() ? null : text;
	}

	/**
	 * A Maven artifact, its version {@code null} where the build manages it.
	 */
	record Coordinates(String groupId, String artifactId, @Nullable String version) {

		@Override
		public String toString() {
			return this.groupId + ":" + this.artifactId + ((this.version != null) ? ":" + this.version : "");
		}

	}

}
