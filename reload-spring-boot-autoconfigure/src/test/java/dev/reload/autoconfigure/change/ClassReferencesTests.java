package dev.reload.autoconfigure.change;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.reload.testsupport.SourceCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ClassReferences}: every way one class can name another must count,
 * since a class that names a changed class is redefined with it.
 *
 * @author reload-spring-boot
 */
class ClassReferencesTests {

	@TempDir
	Path classes;

	@Test
	void readsEveryKindOfReference() throws Exception {
		Map<String, String> sources = new LinkedHashMap<>();
		for (String name : new String[] { "Base", "Field", "Param", "Returned", "Created", "Constant", "Called",
				"Fielded", "Element", "Lambda", "Checked" }) {
			String kind = switch (name) {
				case "Base" -> "public class Base {}";
				case "Checked" -> "public class Checked extends Exception {}";
				case "Called" -> "public class Called { public static void call() {} }";
				case "Lambda" -> "public class Lambda { public static String call() { return \"\"; } }";
				case "Fielded" -> "public class Fielded { public static int value = 1; }";
				default -> "public class " + name + " {}";
			};
			sources.put("refs." + name, "package refs; " + kind);
		}
		sources.put("refs.Api", "package refs; public interface Api {}");
		sources.put("refs.Marker", """
				package refs;
				import java.lang.annotation.*;
				@Retention(RetentionPolicy.RUNTIME) public @interface Marker { Class<?> value(); }
				""");
		sources.put("refs.Subject", """
				package refs;
				import java.util.function.Supplier;
				@Marker(Constant.class)
				public class Subject extends Base implements Api {
					Field field;
					Returned method(Param param) throws Checked {
						new Created();
						Called.call();
						int read = Fielded.value;
						Element[][] grid = new Element[1][1];
						Supplier<String> supplier = Lambda::call;
						return null;
					}
				}
				""");
		SourceCompiler.compile(this.classes, sources);
		byte[] subject = Files.readAllBytes(this.classes.resolve("refs/Subject.class"));
		assertThat(ClassReferences.of(subject))
			.contains("refs.Base", "refs.Api", "refs.Marker", "refs.Constant", "refs.Field", "refs.Param",
					"refs.Returned", "refs.Checked", "refs.Created", "refs.Called", "refs.Fielded", "refs.Element",
					"refs.Lambda")
			.doesNotContain("refs.Subject");
	}

}
