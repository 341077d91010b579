package dev.reload.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import dev.reload.testsupport.SourceCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A failed version is not retried on every request, only once its files change again;
 * content decides what a change is; every attempt is recorded, optionally in an audit
 * file.
 *
 * @author reload-spring-boot
 */
class FailureRecoveryIntegrationTests extends FixtureApplicationTests {

	@TempDir
	Path logs;

	@Override
	String[] properties() {
		return new String[] { "reload.history-file=" + historyFile() };
	}

	private Path historyFile() {
		return this.logs.resolve("reloads.jsonl");
	}

	@Test
	void failedVersionIsTriedOnceNotOnEveryRequestAndReloadsOnceFixed() {
		SourceCompiler.compile(this.classes,
				FixtureSources.helloGreeting("broken", "throw new IllegalStateException(\"not today\");"));
		this.app.awaitChangeNoticed();
		for (int i = 0; i < 5; i++) {
			assertThat(this.app.get("/greeting").body()).isEqualTo("hello");
		}
		DocumentContext status = this.app.status();
		assertThat(status.read("$.history[*].outcome", List.class)).containsExactly("FAILED");
		assertThat(status.read("$.history[0].trigger", String.class)).isEqualTo("REQUEST");
		SourceCompiler.compile(this.classes, FixtureSources.helloGreeting("fixed", ""));
		this.app.awaitChangeNoticed();
		assertThat(this.app.get("/greeting").body()).isEqualTo("fixed");
		assertThat(this.app.status().read("$.history[*].outcome", List.class)).containsExactly("RELOADED", "FAILED");
	}

	@Test
	void rewritingTheSameBytesOrTouchingIsNotAChange() throws Exception {
		Path classFile = this.classes.resolve(FixtureSources.HELLO_GREETING.replace('.', '/') + ".class");
		Files.write(classFile, Files.readAllBytes(classFile));
		Files.setLastModifiedTime(classFile, FileTime.from(Instant.now().plusSeconds(5)));
		SourceCompiler.compile(this.classes, FixtureSources.helloGreeting("hello", ""));
		DocumentContext report = this.app.reloadNow();
		assertThat(report.read("$.outcome", String.class)).isEqualTo("NO_CHANGES");
		assertThat(report.read("$.generation", Integer.class)).isZero();
	}

	@Test
	void everyAttemptIsAppendedToTheHistoryFileWithTheClassHashes() throws Exception {
		SourceCompiler.compile(this.classes, FixtureSources.colours("navy"));
		DocumentContext reloaded = this.app.reloadNow();
		String hash = reloaded.read("$.changedClassHashes['" + FixtureSources.COLOURS + "']", String.class);
		assertThat(hash).hasSize(64)
			.isEqualTo(sha256(this.classes.resolve(FixtureSources.COLOURS.replace('.', '/') + ".class")));
		SourceCompiler.compile(this.classes, FixtureSources.staticText(FixtureSources.COLOURS, "hue", "navy", ""));
		this.app.reloadNow();
		List<String> lines = Files.readAllLines(historyFile());
		assertThat(lines).hasSize(2);
		DocumentContext first = JsonPath.parse(lines.get(0));
		assertThat(first.read("$.outcome", String.class)).isEqualTo("RELOADED");
		assertThat(first.read("$.trigger", String.class)).isEqualTo("ENDPOINT");
		assertThat(first.read("$.generation", Integer.class)).isEqualTo(1);
		assertThat(first.read("$.changedClassHashes['" + FixtureSources.COLOURS + "']", String.class)).isEqualTo(hash);
		assertThat(first.read("$.rebuiltBeans", List.class)).containsExactly("colourController");
		assertThat(first.read("$.timestamp", String.class)).isNotEmpty();
		DocumentContext second = JsonPath.parse(lines.get(1));
		assertThat(second.read("$.outcome", String.class)).isEqualTo("FAILED");
		assertThat(second.read("$.error", String.class)).contains("which the running classpath lacks");
	}

	private static String sha256(Path file) throws Exception {
		return java.util.HexFormat.of()
			.formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
	}

}
