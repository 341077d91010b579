package dev.reload.samples.colours;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.tools.ToolProvider;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a user of the sample does: change the colour in {@code Colours.java} and compile
 * it, here with {@code javax.tools}.
 *
 * @author reload-spring-boot
 */
final class ColourEdit {

	private static final Path SOURCE = Path.of("src/main/java/dev/reload/samples/colours/Colours.java");

	private ColourEdit() {
	}

	/**
	 * Write {@code Colours.java} with the given colour into a work directory and compile
	 * it into the output directory.
	 * @param colour the new colour
	 * @param work where to write the edited source
	 * @param output where to write the class file
	 * @param classpath the class directory of the sample the source compiles against
	 * @throws Exception if the source cannot be written
	 */
	static void compile(String colour, Path work, Path output, Path classpath) throws Exception {
		Path edited = work.resolve("Colours.java");
		Files.writeString(edited, Files.readString(SOURCE).replace("\"white\"", "\"" + colour + "\""));
		String path = classpath + File.pathSeparator + System.getProperty("java.class.path");
		int result = ToolProvider.getSystemJavaCompiler()
			.run(null, null, null, "-d", output.toString(), "-classpath", path, "--release", "17", "-proc:none",
					edited.toString());
		assertThat(result).isZero();
	}

}
