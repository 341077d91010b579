package dev.reload.autoconfigure.change;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.reload.autoconfigure.classloader.ClassDirectories;
import dev.reload.testsupport.SourceCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ClassFileIndex}.
 *
 * @author reload-spring-boot
 */
class ClassFileIndexTests {

	static final String CLOCK = """
			package sample;
			public class Clock {
				public String time() { return "%s"; }
			}
			""";

	private static final String BELL = """
			package sample;
			public class Bell {
				public String ring() { return "%s"; }
			}
			""";

	@TempDir
	Path classes;

	@Test
	void comparingNamedFilesLooksOnlyAtThoseAndAtClassesThatDifferedBefore() {
		SourceCompiler.compile(this.classes,
				Map.of("sample.Clock", CLOCK.formatted("noon"), "sample.Bell", BELL.formatted("ding")));
		ClassFileIndex index = index(Map.of());
		SourceCompiler.compile(this.classes, Map.of("sample.Clock", CLOCK.formatted("midnight")));
		SourceCompiler.compile(this.classes, Map.of("sample.Bell", BELL.formatted("dong")));
		ChangeSet clockOnly = index.diff(List.of(file("sample.Clock")));
		assertThat(clockOnly.modified()).containsOnlyKeys("sample.Clock");
		// the clock differs still, not applied: it is compared again with the bell
		ChangeSet both = index.diff(List.of(file("sample.Bell")));
		assertThat(both.modified()).containsOnlyKeys("sample.Clock", "sample.Bell");
		index.apply(both);
		assertThat(index.diff(List.of()).isEmpty()).isTrue();
		assertThat(index.diff().isEmpty()).isTrue();
	}

	@Test
	void rewriteOfTheSameSizeWithinTheSameTimeTickIsSeen() throws IOException {
		SourceCompiler.compile(this.classes, Map.of("sample.Clock", CLOCK.formatted("noon")));
		ClassFileIndex index = index(Map.of());
		Path clock = file("sample.Clock");
		FileTime written = Files.getLastModifiedTime(clock);
		// another variant of the same size, written in the same tick of the file
		// system's clock: size and time are as the index last saw them
		SourceCompiler.compile(this.classes, Map.of("sample.Clock", CLOCK.formatted("dusk")));
		Files.setLastModifiedTime(clock, written);
		ChangeSet changes = index.diff(List.of(clock));
		assertThat(changes.modified()).containsOnlyKeys("sample.Clock");
	}

	/**
	 * Index the clock telling noon, then compile it telling midnight over it.
	 */
	private ClassFileIndex indexOfNoonWithMidnightCompiled() {
		SourceCompiler.compile(this.classes, Map.of("sample.Clock", CLOCK.formatted("noon")));
		ClassFileIndex index = index(Map.of());
		SourceCompiler.compile(this.classes, Map.of("sample.Clock", CLOCK.formatted("midnight")));
		return index;
	}

	@Test
	void aClassFileWrittenWhileItWasReadIsRewritten() throws IOException {
		ClassFileIndex index = indexOfNoonWithMidnightCompiled();
		Path clock = file("sample.Clock");
		byte[] whole = Files.readAllBytes(clock);
		// half of it written when the reload reads it, as a build writes it
		Files.write(clock, Arrays.copyOf(whole, whole.length / 2));
		ChangeSet half = index.diff(List.of(clock));
		assertThat(index.rewrittenSince(half, Duration.ZERO)).isFalse();
		Files.write(clock, whole);
		assertThat(index.rewrittenSince(half, Duration.ZERO)).isTrue();
		ChangeSet written = index.diff(List.of(clock));
		assertThat(index.rewrittenSince(written, Duration.ofSeconds(5))).as("a whole class file is not waited for")
			.isFalse();
		Files.delete(clock);
		assertThat(index.rewrittenSince(written, Duration.ZERO)).isTrue();
	}

	@Test
	void aClassFileReadHalfWrittenIsGivenTimeToBeWritten() throws Exception {
		ClassFileIndex index = indexOfNoonWithMidnightCompiled();
		Path clock = file("sample.Clock");
		byte[] whole = Files.readAllBytes(clock);
		// the writer has only begun the file when it is read, and goes on after
		Files.write(clock, new byte[0]);
		ChangeSet begun = index.diff(List.of(clock));
		CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
			try {
				Files.write(clock, whole);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}, CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS));
		assertThat(index.rewrittenSince(begun, Duration.ofSeconds(20))).isTrue();
		writer.get(20, TimeUnit.SECONDS);
	}

	@Test
	void namedFileThatIsGoneIsRemovedOrItsPackagedClassRestored() throws IOException {
		SourceCompiler.compile(this.classes,
				Map.of("sample.Clock", CLOCK.formatted("noon"), "sample.Bell", BELL.formatted("ding")));
		byte[] packagedBell = Files.readAllBytes(file("sample.Bell"));
		SourceCompiler.compile(this.classes, Map.of("sample.Bell", BELL.formatted("dong")));
		ClassFileIndex index = index(Map.of("sample.Bell", packagedBell));
		Files.delete(file("sample.Clock"));
		Files.delete(file("sample.Bell"));
		ChangeSet changes = index.diff(List.of(file("sample.Clock"), file("sample.Bell")));
		assertThat(changes.removed()).containsExactly("sample.Clock");
		assertThat(changes.modified()).containsOnlyKeys("sample.Bell");
		assertThat(changes.modified().get("sample.Bell").bytes()).isEqualTo(packagedBell);
	}

	@Test
	void filesThatAreNotClassFilesAreIgnored() throws IOException {
		SourceCompiler.compile(this.classes, Map.of("sample.Clock", CLOCK.formatted("noon")));
		ClassFileIndex index = index(Map.of());
		Path touched = Files.writeString(this.classes.resolve("reload.touch"), "now");
		assertThat(index.diff(Set.of(touched)).isEmpty()).isTrue();
	}

	@Test
	void runtimeHintsRegistrarIsNeitherAffectedNorReachesTheClassesThatNameIt() {
		Map<String, String> sources = Map.of("sample.Clock", CLOCK.formatted("noon"), "sample.Hints", """
				package sample;
				public class Hints implements org.springframework.aot.hint.RuntimeHintsRegistrar {
					public void registerHints(org.springframework.aot.hint.RuntimeHints hints, ClassLoader loader) {
						hints.reflection().registerType(Clock.class);
					}
				}
				""", "sample.Application", """
				package sample;
				@org.springframework.context.annotation.ImportRuntimeHints(Hints.class)
				public class Application {
				}
				""");
		SourceCompiler.compile(this.classes, sources);
		ClassFileIndex index = index(Map.of());
		SourceCompiler.compile(this.classes, Map.of("sample.Clock", CLOCK.formatted("midnight")));
		ChangeSet clock = index.diff();
		// only ahead-of-time processing runs the registrar
		assertThat(index.affectedBy(clock)).containsExactly("sample.Clock");
		SourceCompiler.compile(this.classes,
				Map.of("sample.Hints", sources.get("sample.Hints").replace("Clock.class", "String.class")));
		assertThat(index.affectedBy(index.diff())).containsExactly("sample.Application", "sample.Clock",
				"sample.Hints");
	}

	private ClassFileIndex index(Map<String, byte[]> packaged) {
		ClassFileIndex index = new ClassFileIndex(new ClassDirectories(List.of(this.classes), List.of()), packaged);
		index.takeInitialClassFiles();
		return index;
	}

	private Path file(String className) {
		return this.classes.resolve(className.replace('.', '/') + ".class");
	}

}
