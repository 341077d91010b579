package dev.reload.autoconfigure.engine;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.reload.ReloadTrigger;
import dev.reload.autoconfigure.change.PendingChanges;
import dev.reload.autoconfigure.change.StartupResources;
import dev.reload.autoconfigure.classloader.GenerationFreeThreads;

import org.springframework.context.SmartLifecycle;
import org.springframework.util.Assert;

/**
 * Applies a change as soon as the watcher has seen the class files settle, without
 * waiting for a request: the watch mode, and the only automatic one for an application
 * that serves no requests. The reload runs on a thread of its own, so that the watcher
 * goes on watching while it runs.
 *
 * @author reload-spring-boot
 */
public final class BackgroundReloader implements SmartLifecycle {

	private final ReloadEngine engine;

	private final PendingChanges watcher;

	private final SourceCompilation sources;

	private final StartupResources resources;

	private final AtomicBoolean scheduled = new AtomicBoolean();

	private volatile ExecutorService executor;

	private volatile boolean running;

	/**
	 * Create a background reloader.
	 * @param engine the engine that applies changes
	 * @param watcher the watcher that reports settled changes
	 * @param sources what reports settled edits of sources
	 * @param resources what reports changed resources that the application read as it
	 * started
	 */
	public BackgroundReloader(ReloadEngine engine, PendingChanges watcher, SourceCompilation sources,
			StartupResources resources) {
		Assert.notNull(engine, "'engine' must not be null");
		Assert.notNull(watcher, "'watcher' must not be null");
		Assert.notNull(sources, "'sources' must not be null");
		Assert.notNull(resources, "'resources' must not be null");
		this.engine = engine;
		this.watcher = watcher;
		this.sources = sources;
		this.resources = resources;
		this.executor = newExecutor();
	}

	@Override
	public void start() {
		if (this.executor.isShutdown()) {
			this.executor = newExecutor();
		}
		this.watcher.onChangePending(this::schedule);
		this.sources.onChangePending(this::schedule);
		this.resources.onChange(this::schedule);
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		this.watcher.onChangePending(null);
		this.sources.onChangePending(null);
		this.resources.onChange(null);
		this.executor.shutdownNow();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void schedule() {
		// one reload queued at most: it applies whatever is pending when it runs
		if (this.scheduled.compareAndSet(false, true)) {
			try {
				this.executor.execute(() -> {
					this.scheduled.set(false);
					this.engine.applyPending(ReloadTrigger.WATCHER);
				});
			}
			catch (RejectedExecutionException ex) {
				this.scheduled.set(false);
			}
		}
	}

	private static ExecutorService newExecutor() {
		return Executors.newSingleThreadExecutor((runnable) -> GenerationFreeThreads.create("reload-background", true,
				BackgroundReloader.class.getClassLoader(), runnable));
	}

}
