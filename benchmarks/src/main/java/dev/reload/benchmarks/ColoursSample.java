package dev.reload.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.reload.samples.support.ClassDirectories;
import dev.reload.samples.support.SourceEdit;

/**
 * The colours sample as the application under test, with its {@code Colours} class
 * compiled beforehand in several variants, each returning another colour, so that a
 * change is a class file put in place and nothing else.
 *
 * @author reload-spring-boot
 */
final class ColoursSample {

	static final String MAIN_CLASS = "dev.reload.samples.colours.ColoursApplication";

	private static final String COLOURS_CLASS = "dev/reload/samples/colours/Colours.class";

	private final Workspace workspace;

	private final List<byte[]> variants = new ArrayList<>();

	ColoursSample(Path sampleDirectory, Workspace workspace, int variantCount) {
		this.workspace = workspace;
		Path compiled = sampleDirectory.resolve("target/classes");
		if (!Files.isDirectory(compiled)) {
			throw new IllegalStateException(compiled + " does not exist: build the sample first");
		}
		ClassDirectories.copy(compiled, workspace.classes());
		Path source = sampleDirectory.resolve("src/main/java/dev/reload/samples/colours/Colours.java");
		for (int i = 0; i < variantCount; i++) {
			Path output = workspace.directory("variant-" + i);
			SourceEdit.compile(source, "\"white\"", "\"" + colour(i) + "\"", workspace.directory("source-" + i), output,
					compiled);
			try {
				this.variants.add(Files.readAllBytes(output.resolve(COLOURS_CLASS)));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

	private static String colour(int variant) {
		return "colour" + variant;
	}

	/**
	 * Return what {@code /colour} answers once a variant is in place.
	 * @param variant the variant, as passed to {@link #apply(int)}
	 * @return the answer
	 */
	String answer(int variant) {
		return "the color is " + colour(variant % this.variants.size()) + "\n";
	}

	Workspace workspace() {
		return this.workspace;
	}

	int variantCount() {
		return this.variants.size();
	}

	/**
	 * Put a variant of {@code Colours} in place.
	 * @param variant the variant
	 * @return {@link System#nanoTime()} once it is in place
	 */
	long apply(int variant) {
		return this.workspace.replace(COLOURS_CLASS, this.variants.get(variant % this.variants.size()));
	}

	/**
	 * Start the sample.
	 * @param withDevTools whether DevTools is on its class path
	 * @param jvmOptions options for its JVM
	 * @param arguments its arguments
	 * @param name a name for its log
	 * @return the running sample
	 */
	ApplicationProcess start(boolean withDevTools, List<String> jvmOptions, List<String> arguments, String name) {
		return start(List.of(), withDevTools, jvmOptions, arguments, name);
	}

	/**
	 * Start the sample behind a launcher, such as a choice of cores.
	 * @param launcher what goes before the {@code java} command
	 * @param withDevTools whether DevTools is on its class path
	 * @param jvmOptions options for its JVM
	 * @param arguments its arguments
	 * @param name a name for its log
	 * @return the running sample
	 */
	ApplicationProcess start(List<String> launcher, boolean withDevTools, List<String> jvmOptions,
			List<String> arguments, String name) {
		List<String> all = new ArrayList<>(List.of("--spring.main.banner-mode=off", "--reload.debug=false",
				"--management.endpoints.web.exposure.include=health,metrics,reload",
				"--spring.devtools.livereload.enabled=false"));
		all.addAll(arguments);
		return ApplicationProcess.start(launcher, this.workspace.classpath(withDevTools), MAIN_CLASS, jvmOptions, all,
				this.workspace.root().resolve(name + ".log"));
	}

}
