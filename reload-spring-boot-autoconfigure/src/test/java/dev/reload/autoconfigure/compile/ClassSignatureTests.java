package dev.reload.autoconfigure.compile;

import java.nio.file.Files;
import java.nio.file.Path;

import dev.reload.testsupport.SourceCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ClassSignature}: what other classes compile against, and nothing else.
 *
 * @author reload-spring-boot
 */
class ClassSignatureTests {

	private static final String BASE = """
			package p;
			public class Shape {
				public static final int SIDES = 4;
				private int hidden;
				public int area(int side) { return side * side; }
				private void helper() { }
			}
			""";

	@TempDir
	Path classes;

	@Test
	void methodBodiesAndPrivateMembersAreNotPartOfIt() throws Exception {
		String base = signature(BASE);
		assertThat(signature(BASE.replace("side * side", "side * side * 1"))).isEqualTo(base);
		assertThat(signature(BASE.replace("private int hidden;", "private int hidden; private long more;")))
			.isEqualTo(base);
		assertThat(signature(BASE.replace("private void helper() { }", ""))).isEqualTo(base);
	}

	@Test
	void membersSupertypesAndConstantsArePartOfIt() throws Exception {
		String base = signature(BASE);
		assertThat(signature(BASE.replace("SIDES = 4", "SIDES = 5"))).isNotEqualTo(base);
		assertThat(signature(BASE.replace("public int area(int side)", "public long area(int side)")))
			.isNotEqualTo(base);
		assertThat(signature(BASE.replace("private void helper", "void helper"))).isNotEqualTo(base);
		assertThat(signature(BASE.replace("public class Shape", "public class Shape implements Runnable")
			.replace("private void helper() { }", "public void run() { }"))).isNotEqualTo(base);
	}

	private String signature(String source) throws Exception {
		Path output = Files.createTempDirectory(this.classes, "out");
		SourceCompiler.compile(output, SourceCompiler.of("p.Shape", source));
		return ClassSignature.of(Files.readAllBytes(output.resolve("p/Shape.class")));
	}

}
