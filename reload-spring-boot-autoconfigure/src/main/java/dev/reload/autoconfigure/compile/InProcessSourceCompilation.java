package dev.reload.autoconfigure.compile;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.tools.JavaCompiler;

import dev.reload.autoconfigure.change.ClassFileIndex;
import dev.reload.autoconfigure.change.DirectoryWatcher;
import dev.reload.autoconfigure.engine.SourceCompilation;
import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;
import org.springframework.util.Assert;

/**
 * Compiles edited Java sources in-process before each reload: a watcher of the source
 * roots tells which sources are edited, and the JDK's compiler turns them into class
 * files in the reload directories, which the reload then applies.
 *
 * @author reload-spring-boot
 */
public final class InProcessSourceCompilation implements SourceCompilation, SmartLifecycle, AutoCloseable {

	/** How often to look at the files when the file system cannot notify. */
	private static final Duration POLL_INTERVAL = Duration.ofSeconds(1);

	private final PendingSources pending;

	private final DirectoryWatcher watcher;

	private final JdkCompiler jdkCompiler;

	private final IncrementalCompiler compiler;

	private final BuildOptions options;

	private final CopiedResources resources;

	/**
	 * Create an instance.
	 * @param javaCompiler the JDK's compiler
	 * @param sourceRoots the source roots to watch, absolute and normalized
	 * @param classDirectories the reload directories, absolute and normalized
	 * @param classpath the application's class path, which the sources compile against
	 * after the reload directories
	 * @param index the applied class files, whose references tell which sources follow a
	 * changed signature
	 * @param quietPeriod how long the sources must stay unchanged before they are
	 * compiled
	 */
	public InProcessSourceCompilation(JavaCompiler javaCompiler, List<Path> sourceRoots, List<Path> classDirectories,
			List<Path> classpath, ClassFileIndex index, Duration quietPeriod) {
		Assert.notNull(javaCompiler, "'javaCompiler' must not be null");
		Assert.notEmpty(sourceRoots, "'sourceRoots' must not be empty");
		SourceRoots roots = new SourceRoots(sourceRoots, classDirectories);
		BuildOptions options = BuildOptions.detect(sourceRoots, classDirectories, classpath);
		this.resources = CopiedResources.of(roots);
		this.pending = new PendingSources(roots, this.resources);
		this.watcher = DirectoryWatcher.of(this.pending.watched(), this.pending::counts, quietPeriod, POLL_INTERVAL,
				this.pending);
		List<Path> compileClasspath = new ArrayList<>(classDirectories);
		classpath.stream().filter((entry) -> !compileClasspath.contains(entry)).forEach(compileClasspath::add);
		this.jdkCompiler = new JdkCompiler(javaCompiler, compileClasspath, options);
		this.compiler = new IncrementalCompiler(this.jdkCompiler, roots, index);
		this.options = options;
	}

	/**
	 * Return the options the sources are compiled with, for the start-up log.
	 * @return the options
	 */
	public List<String> compilerOptions() {
		return this.options.compilerOptions();
	}

	/**
	 * Return the processors the build names that could not be found.
	 * @return the processors' coordinates
	 */
	public List<String> missingProcessors() {
		return this.options.missingProcessors();
	}

	/**
	 * Return the watched source roots.
	 * @return the roots
	 */
	public List<Path> sourceRoots() {
		return this.pending.roots();
	}

	/**
	 * Return the resource roots whose files are copied on save.
	 * @return the roots
	 */
	public List<Path> resourceRoots() {
		return this.resources.roots();
	}

	/**
	 * Return the sources whose last compilation failed, until they compile.
	 * @return the sources
	 */
	public Set<Path> failedSources() {
		return this.pending.rejected();
	}

	@Override
	public boolean needsAttention() {
		return this.pending.needsAttention();
	}

	@Override
	public boolean awaitSettled(long deadlineNanos) throws InterruptedException {
		return this.pending.awaitSettled(deadlineNanos);
	}

	@Override
	public boolean compile(boolean retryRejected) {
		Set<Path> edited = this.pending.edited(retryRejected);
		if (edited.isEmpty()) {
			return false;
		}
		// resources are copied, not compiled: templates and static files are read on
		// each request, and a resource read at start-up restarts the application
		Set<Path> resources = new HashSet<>();
		edited.stream().filter(this.resources::isCopied).forEach(resources::add);
		boolean copied = false;
		if (!resources.isEmpty()) {
			copied = !this.resources.copy(resources).isEmpty();
			this.pending.compiled(resources);
			edited = new HashSet<>(edited);
			edited.removeAll(resources);
			if (edited.isEmpty()) {
				return copied;
			}
		}
		try {
			IncrementalCompiler.Result result = this.compiler.compile(edited);
			this.pending.compiled(result.handled());
			return result.changedFiles() || copied;
		}
		catch (RuntimeException ex) {
			this.pending.rejected(edited);
			throw ex;
		}
	}

	@Override
	public void onChangePending(@Nullable Runnable listener) {
		this.pending.onChangePending(listener);
	}

	@Override
	public void start() {
		this.watcher.start();
	}

	@Override
	public void stop() {
		this.watcher.stop();
	}

	@Override
	public void close() {
		this.watcher.stop();
		this.jdkCompiler.close();
	}

	@Override
	public boolean isRunning() {
		return this.watcher.isRunning();
	}

	@Override
	public int getPhase() {
		// with the class file watcher, before the web server takes requests
		return SmartLifecycle.DEFAULT_PHASE - 2048;
	}

}
