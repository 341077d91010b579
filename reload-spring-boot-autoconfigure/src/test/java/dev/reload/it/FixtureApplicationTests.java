package dev.reload.it;

import java.nio.file.Path;

import dev.reload.testsupport.SourceCompiler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Base for tests that run the fixture application: its first version is compiled into a
 * fresh reload directory and started before each test, and closed after it.
 *
 * @author reload-spring-boot
 */
abstract class FixtureApplicationTests {

	@TempDir
	Path classes;

	RunningApplication app;

	@BeforeEach
	void startFixtureApplication() {
		SourceCompiler.compile(this.classes, FixtureSources.initial());
		this.app = RunningApplication.start(this.classes, properties());
	}

	@AfterEach
	void stopFixtureApplication() {
		this.app.close();
	}

	/**
	 * Return further properties for the application.
	 * @return the properties, {@code name=value}
	 */
	String[] properties() {
		return new String[0];
	}

}
