package dev.reload.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.reload.autoconfigure.change.SourceFiles;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings for reloading changed classes, bound from {@code reload.*}. Each setting names
 * the Apache2::Reload variable it ports.
 *
 * @author reload-spring-boot
 */
@ConfigurationProperties(ReloadProperties.PREFIX)
public class ReloadProperties {

	/**
	 * The prefix of every reload setting.
	 */
	public static final String PREFIX = "reload";

	/**
	 * Whether to load application classes through a reloadable class loader and reload
	 * them when they change. When false nothing is installed: no class loader, no watcher
	 * thread, no endpoint, no interceptor.
	 */
	private boolean enabled = true;

	/**
	 * Whether every application class under the reload directories is reloaded
	 * (Apache2::Reload's ReloadAll). When false, only classes annotated with @Reloadable,
	 * matching 'reload.modules' or registered through the Reloader are reloaded.
	 */
	private boolean all = true;

	/**
	 * Classes and packages to reload when 'reload.all' is false (ReloadModules). An exact
	 * name such as 'com.acme.Billing' names that class and its nested classes;
	 * 'com.acme.web.*' names every class in that package and its sub-packages.
	 */
	private List<String> modules = new ArrayList<>();

	/**
	 * Directories whose class files are reloadable (ReloadDirectories). Defaults to the
	 * class directories on the application's classpath, such as 'target/classes'. Classes
	 * from jars are never reloaded. Relative paths resolve against the working directory.
	 */
	private List<String> directories = new ArrayList<>();

	/**
	 * Source directories of the classes under the reload directories. A Java source that
	 * is saved, added or deleted there is compiled in-process with the JDK's compiler, as
	 * an IDE's compile on save does, and the next reload applies it; a source that does
	 * not compile fails the reload with the compiler's file, line and message. A class
	 * file that is gone while its source file is still there is being rewritten by a
	 * build, so its removal waits until the source is gone too. Defaults to
	 * 'src/main/java' (and 'src/test/java', Kotlin's and Groovy's, which are not
	 * compiled) of each Maven 'target/classes' or Gradle 'build/classes/java/main' reload
	 * directory, where it exists; empty switches both off. Never compiled for a packaged
	 * application.
	 */
	private @Nullable List<String> sourceDirectories;

	/**
	 * What to do with a change that cannot be applied in place (a JPA entity, a
	 * configuration class, a Spring Data repository with a custom implementation, a web
	 * bean the web stack holds from start-up, the main class, a resource of the class
	 * directories read at start-up such as application.yml or schema.sql): 'auto'
	 * restarts an application that runs from class directories in-process from a fresh
	 * generation, as DevTools does, and reports it as RESTARTED; 'never' fails the reload
	 * with the reason, and the old code keeps serving. A packaged application patched
	 * through an overlay directory and an application under a test framework are never
	 * restarted.
	 */
	private Restart restart = Restart.AUTO;

	/**
	 * Whether an application that runs from class directories gets development defaults
	 * for properties it does not set, as DevTools adds them: template caches off
	 * (Thymeleaf, FreeMarker, Groovy templates, Mustache) and static resources not
	 * cached, so that an edited template or static file is served on the next request.
	 * Never for a packaged application.
	 */
	private boolean addProperties = true;

	/**
	 * File that gates reloads (ReloadTouchFile): when set, changes are applied only after
	 * the file's modification time advances, for example with 'touch'. A relative path
	 * resolves against the working directory.
	 */
	private @Nullable String touchFile;

	/**
	 * Whether to log each reloaded class with its old and new generation, each rebuilt
	 * bean, and each change that was skipped, with the reason (ReloadDebug).
	 */
	private boolean debug;

	/**
	 * When a detected change is applied. 'auto' reloads on the next request in a web
	 * application and in the background in any other.
	 */
	private Mode mode = Mode.AUTO;

	/**
	 * How long the class files must stay unchanged before a change is applied, so that a
	 * compiler that writes many files in a burst is seen as one change. The watcher hears
	 * of each file at once, so this can be short; raise it for a build that pauses
	 * between files. A change applied half-written fails verification and is applied
	 * whole once the rest arrives.
	 */
	private Duration quietPeriod = Duration.ofMillis(10);

	/**
	 * Longest time a request waits for a detected change to settle and be applied. When
	 * it runs out the request is served by the current code.
	 */
	private Duration requestWait = Duration.ofSeconds(10);

	/**
	 * Longest time a replaced bean waits for the requests that were using it to finish
	 * before it is destroyed.
	 */
	private Duration drainTimeout = Duration.ofSeconds(30);

	/**
	 * Number of recent reload reports kept for the 'reload' actuator endpoint.
	 */
	private int historySize = 20;

	/**
	 * Whether to refuse class files, and directories holding them, that users other than
	 * the owner may write: anyone who can write there can run code in the server.
	 */
	private boolean strictPermissions = true;

	/**
	 * File to append every reload attempt to, as one JSON line each: time, trigger,
	 * outcome, generation, changed classes with their SHA-256, rebuilt beans, duration
	 * and error. An audit trail for operators; none by default.
	 */
	private @Nullable String historyFile;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public boolean isAll() {
		return this.all;
	}

	public void setAll(boolean all) {
		this.all = all;
	}

	public List<String> getModules() {
		return this.modules;
	}

	public void setModules(List<String> modules) {
		this.modules = modules;
	}

	public List<String> getDirectories() {
		return this.directories;
	}

	public void setDirectories(List<String> directories) {
		this.directories = directories;
	}

	public @Nullable String getTouchFile() {
		return this.touchFile;
	}

	public void setTouchFile(@Nullable String touchFile) {
		this.touchFile = touchFile;
	}

	public boolean isStrictPermissions() {
		return this.strictPermissions;
	}

	public void setStrictPermissions(boolean strictPermissions) {
		this.strictPermissions = strictPermissions;
	}

	public @Nullable String getHistoryFile() {
		return this.historyFile;
	}

	public void setHistoryFile(@Nullable String historyFile) {
		this.historyFile = historyFile;
	}

	public Restart getRestart() {
		return this.restart;
	}

	public void setRestart(Restart restart) {
		this.restart = restart;
	}

	public boolean isAddProperties() {
		return this.addProperties;
	}

	public void setAddProperties(boolean addProperties) {
		this.addProperties = addProperties;
	}

	public @Nullable List<String> getSourceDirectories() {
		return this.sourceDirectories;
	}

	public void setSourceDirectories(@Nullable List<String> sourceDirectories) {
		this.sourceDirectories = sourceDirectories;
	}

	/**
	 * Return the source directories, absolute and normalized: those set, or the ones the
	 * build's conventions give the reload directories.
	 * @param reloadDirectories the reload directories
	 * @return the source directories
	 */
	public List<Path> resolvedSourceDirectories(List<Path> reloadDirectories) {
		if (this.sourceDirectories != null) {
			return this.sourceDirectories.stream()
				.filter((directory) -> !directory.isBlank())
				.map(ReloadProperties::resolve)
				.toList();
		}
		return SourceFiles.conventionalFor(reloadDirectories);
	}

	/**
	 * Return the history file, absolute and normalized.
	 * @return the history file, or {@code null}
	 */
	public @Nullable Path resolvedHistoryFile() {
		return (this.historyFile != null && !this.historyFile.isBlank()) ? resolve(this.historyFile) : null;
	}

	/**
	 * Return the configured directories, absolute and normalized.
	 * @return the directories; empty when the defaults apply
	 */
	public List<Path> resolvedDirectories() {
		return this.directories.stream().map(ReloadProperties::resolve).toList();
	}

	/**
	 * Return the touch file, absolute and normalized.
	 * @return the touch file, or {@code null}
	 */
	public @Nullable Path resolvedTouchFile() {
		return (this.touchFile != null && !this.touchFile.isBlank()) ? resolve(this.touchFile) : null;
	}

	private static Path resolve(String path) {
		// Path.of, not Spring's resource conversion, which rejects "../" paths
		return Path.of(path.trim()).toAbsolutePath().normalize();
	}

	public Mode getMode() {
		return this.mode;
	}

	public void setMode(Mode mode) {
		this.mode = mode;
	}

	public boolean isDebug() {
		return this.debug;
	}

	public void setDebug(boolean debug) {
		this.debug = debug;
	}

	public Duration getQuietPeriod() {
		return this.quietPeriod;
	}

	public void setQuietPeriod(Duration quietPeriod) {
		this.quietPeriod = quietPeriod;
	}

	public Duration getRequestWait() {
		return this.requestWait;
	}

	public void setRequestWait(Duration requestWait) {
		this.requestWait = requestWait;
	}

	public Duration getDrainTimeout() {
		return this.drainTimeout;
	}

	public void setDrainTimeout(Duration drainTimeout) {
		this.drainTimeout = drainTimeout;
	}

	public int getHistorySize() {
		return this.historySize;
	}

	public void setHistorySize(int historySize) {
		this.historySize = historySize;
	}

	/**
	 * What happens to a change that cannot be applied in place.
	 */
	public enum Restart {

		/**
		 * Restart in-process when the application runs from class directories, fail
		 * otherwise.
		 */
		AUTO,

		/**
		 * Fail the reload with the reason; the old code keeps serving.
		 */
		NEVER

	}

	/**
	 * When a detected change is applied.
	 */
	public enum Mode {

		/**
		 * On the next request in a web application; in the background in any other.
		 */
		AUTO,

		/**
		 * On the next request, which waits for it (Apache2::Reload's behaviour).
		 */
		REQUEST,

		/**
		 * In the background, as soon as the class files have settled; a request that
		 * arrives while they settle still waits for the change.
		 */
		WATCH,

		/**
		 * Only when asked: the Reloader API or a POST to the 'reload' endpoint.
		 */
		MANUAL

	}

}
