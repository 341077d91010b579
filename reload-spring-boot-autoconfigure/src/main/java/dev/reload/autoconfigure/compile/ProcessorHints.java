package dev.reload.autoconfigure.compile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipFile;

/**
 * Says, when sources do not compile, which annotation processor they need that the
 * compiler could not find: an error about a missing getter is Lombok's, not the source's.
 *
 * @author reload-spring-boot
 */
final class ProcessorHints {

	private static final List<Processor> KNOWN = List.of(
			new Processor("Lombok", "org.projectlombok:lombok", "lombok.",
					"lombok/launch/AnnotationProcessorHider$AnnotationProcessor.class"),
			new Processor("MapStruct", "org.mapstruct:mapstruct-processor", "org.mapstruct.",
					"org/mapstruct/ap/MappingProcessor.class"),
			new Processor("Immutables", "org.immutables:value", "org.immutables.value.",
					"org/immutables/processor/ProxyProcessor.class"));

	private final List<Path> processorPath;

	private final List<String> missing;

	private final Map<Processor, Boolean> found = new ConcurrentHashMap<>();

	/**
	 * Create an instance.
	 * @param processorPath where the compiler looks for processors
	 * @param missing processors the build names that were found nowhere
	 */
	ProcessorHints(List<Path> processorPath, List<String> missing) {
		this.processorPath = List.copyOf(processorPath);
		this.missing = List.copyOf(missing);
	}

	/**
	 * Return what to add to the errors of sources that do not compile: the processors
	 * they import from that cannot be found; empty if there are none.
	 */
	String forFailure(Collection<Path> sources) {
		StringBuilder hint = new StringBuilder();
		for (Processor processor : KNOWN) {
			if (importedByAny(processor, sources) && !isFound(processor)) {
				hint.append("\n")
					.append(processor.name())
					.append("'s annotation processor (")
					.append(processor.coordinates())
					.append(") is needed by these sources but is neither on the class path nor in the build's ")
					.append("annotationProcessorPaths: add it to the build, or to the application's class path");
			}
		}
		if (!this.missing.isEmpty()) {
			hint.append("\nThe build's annotationProcessorPaths name ")
				.append(this.missing)
				.append(", found neither on the class path nor in the local Maven repository");
		}
		return hint.toString();
	}

	private static boolean importedByAny(Processor processor, Collection<Path> sources) {
		for (Path source : sources) {
			try {
				if (Files.readString(source).contains("import " + processor.importPrefix())) {
					return true;
				}
			}
			catch (IOException | RuntimeException ex) {
				// unreadable or not in the expected encoding: the compiler said why
			}
		}
		return false;
	}

	private boolean isFound(Processor processor) {
		return this.found.computeIfAbsent(processor, this::lookUp);
	}

	private boolean lookUp(Processor processor) {
		for (Path entry : this.processorPath) {
			if (Files.isDirectory(entry) && Files.isRegularFile(entry.resolve(processor.classFile()))) {
				return true;
			}
			if (Files.isRegularFile(entry)) {
				try (ZipFile jar = new ZipFile(entry.toFile())) {
					if (jar.getEntry(processor.classFile()) != null) {
						return true;
					}
				}
				catch (IOException ex) {
					// not a jar
				}
			}
		}
		return false;
	}

	private record Processor(String name, String coordinates, String importPrefix, String classFile) {

	}

}
