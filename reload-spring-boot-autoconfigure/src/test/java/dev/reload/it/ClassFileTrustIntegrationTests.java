package dev.reload.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import com.jayway.jsonpath.DocumentContext;
import dev.reload.testsupport.SourceCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Code is loaded only from the reload directories, and by default only from files other
 * users cannot write.
 *
 * @author reload-spring-boot
 */
class ClassFileTrustIntegrationTests {

	@TempDir
	Path classes;

	@TempDir
	Path elsewhere;

	@Test
	void classFileReachedThroughASymbolicLinkLeavingTheDirectoryIsRefused() throws Exception {
		SourceCompiler.compile(this.classes, FixtureSources.initial());
		try (RunningApplication app = RunningApplication.start(this.classes)) {
			SourceCompiler.compile(this.elsewhere, FixtureSources.helloGreeting("from elsewhere", ""),
					java.util.List.of(this.classes));
			Path classFile = classFile(this.classes);
			Files.delete(classFile);
			Files.createSymbolicLink(classFile, classFile(this.elsewhere));
			DocumentContext report = app.reloadNow();
			assertThat(report.read("$.outcome", String.class)).isEqualTo("FAILED");
			assertThat(report.read("$.error", String.class)).contains(classFile.toString())
				.contains("symbolic link that leaves the reload directory");
			assertThat(app.get("/greeting").body()).isEqualTo("hello");
		}
	}

	@Test
	void classFileOthersMayWriteIsRefusedUnlessPermissionsAreRelaxed() throws Exception {
		SourceCompiler.compile(this.classes, FixtureSources.initial());
		try (RunningApplication app = RunningApplication.start(this.classes)) {
			SourceCompiler.compile(this.classes, FixtureSources.helloGreeting("world-writable", ""));
			Files.setPosixFilePermissions(classFile(this.classes), PosixFilePermissions.fromString("rw-rw-rw-"));
			DocumentContext report = app.reloadNow();
			assertThat(report.read("$.outcome", String.class)).isEqualTo("FAILED");
			assertThat(report.read("$.error", String.class)).contains("is writable by other users")
				.contains("chmod go-w " + classFile(this.classes).toRealPath())
				.contains("reload.strict-permissions=false");
			assertThat(app.get("/greeting").body()).isEqualTo("hello");
		}
		try (RunningApplication app = RunningApplication.start(this.classes, "reload.strict-permissions=false")) {
			assertThat(app.get("/greeting").body()).isEqualTo("world-writable");
			SourceCompiler.compile(this.classes, FixtureSources.helloGreeting("relaxed", ""));
			Files.setPosixFilePermissions(classFile(this.classes), PosixFilePermissions.fromString("rw-rw-rw-"));
			assertThat(app.reloadNow().read("$.outcome", String.class)).isEqualTo("RELOADED");
			assertThat(app.get("/greeting").body()).isEqualTo("relaxed");
		}
	}

	private static Path classFile(Path root) {
		return root.resolve(FixtureSources.HELLO_GREETING.replace('.', '/') + ".class");
	}

}
