package dev.reload.autoconfigure.engine;

import dev.reload.ReloadObserver;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import dev.reload.ReloadFailedEvent;
import dev.reload.ReloadOutcome;
import dev.reload.ReloadReport;
import dev.reload.ReloadSucceededEvent;
import dev.reload.ReloadTrigger;
import dev.reload.Reloader;
import dev.reload.autoconfigure.change.ChangeSet;
import dev.reload.autoconfigure.change.ClassFileIndex;
import dev.reload.autoconfigure.change.ClassFileTrust;
import dev.reload.autoconfigure.change.PendingChanges;
import dev.reload.autoconfigure.change.StartupResources;
import dev.reload.autoconfigure.change.UntrustedClassFileException;
import dev.reload.autoconfigure.engine.ReloadTransaction.Applied;
import dev.reload.autoconfigure.classloader.ClassGenerations;
import dev.reload.autoconfigure.classloader.GenerationVerificationException;
import dev.reload.autoconfigure.modules.ChangeSelection;
import dev.reload.autoconfigure.modules.ChangeSelection.Selection;
import dev.reload.autoconfigure.modules.ModulePattern;
import dev.reload.autoconfigure.modules.ModuleRegistrations;
import dev.reload.autoconfigure.scope.BeanRebuildException;
import dev.reload.autoconfigure.scope.BeanRebuilder;
import dev.reload.BeanSwapParticipant;
import dev.reload.autoconfigure.scope.ReloadableBeans;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationEventPublisherAware;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.util.Assert;

/**
 * Turns the changes on disk into a new class generation and switches it in, one reload at
 * a time. Everything is built and checked before the switch; if anything fails, nothing
 * is switched, the current code keeps serving, and the same content is not tried again on
 * a request until its files change.
 *
 * @author reload-spring-boot
 */
public final class ReloadEngine implements ApplicationEventPublisherAware {

	private static final Log logger = LogFactory.getLog(ReloadEngine.class);

	/** How long a class file read half written may take to be written whole. */
	private static final Duration HALF_WRITTEN_PATIENCE = Duration.ofMillis(500);

	private final ClassGenerations generations;

	private final ClassFileIndex index;

	private final PendingChanges watcher;

	private final RequestGate gate;

	private final ReloadTransaction transaction;

	private final ReloadHistory history;

	private final Iterable<ReloadObserver> observers;

	private volatile @Nullable ApplicationEventPublisher eventPublisher;

	private final ChangeSelection selection;

	private final ClassFileTrust trust;

	private final Settings settings;

	private final ReentrantLock reloadLock = new ReentrantLock();

	private final Reloader reloader = new EngineReloader(this);

	/** What undoes each recent reload, newest first; guarded by the reload lock. */
	private final Deque<ChangeSet> undo = new ArrayDeque<>();

	private final BeanRetirement retirement;

	private final SourceCompilation sources;

	private final ApplicationRestart restart;

	private final StartupResources resources;

	/** Set once a restart is under way: the context is about to close. */
	private volatile boolean restarting;

	private final RestartOnlyChanges restartOnly = new RestartOnlyChanges();

	/**
	 * Create an engine.
	 * @param generations the class generations
	 * @param index the applied class files
	 * @param watcher the watcher of the reload directories
	 * @param beans the reloadable beans
	 * @param rebuilder what builds the affected beans
	 * @param gate what requests pass through
	 * @param participants what else follows a switch
	 * @param history where reports are kept
	 * @param observers what watches each reload (metrics, observations)
	 * @param selection which changes a reload applies
	 * @param trust which class files may be loaded
	 * @param retirement what destroys replaced beans
	 * @param sources what compiles edited sources before a reload
	 * @param restart what restarts the application when a change cannot be applied in
	 * place
	 * @param resources the resources the application read as it started, whose change
	 * restarts it
	 * @param persistence what builds the persistence units again when a managed type's
	 * code changed
	 * @param settings how the engine behaves
	 */
	public ReloadEngine(ClassGenerations generations, ClassFileIndex index, PendingChanges watcher,
			ReloadableBeans beans, BeanRebuilder rebuilder, RequestGate gate,
			Iterable<BeanSwapParticipant> participants, ReloadHistory history, Iterable<ReloadObserver> observers,
			ChangeSelection selection, ClassFileTrust trust, BeanRetirement retirement, SourceCompilation sources,
			ApplicationRestart restart, StartupResources resources, Supplier<PersistenceUnitRebuild> persistence,
			Settings settings) {
		// generations, index, gate and what only the transaction uses are checked there
		Assert.notNull(watcher, "'watcher' must not be null");
		Assert.notNull(history, "'history' must not be null");
		Assert.notNull(observers, "'observers' must not be null");
		Assert.notNull(selection, "'selection' must not be null");
		Assert.notNull(trust, "'trust' must not be null");
		Assert.notNull(retirement, "'retirement' must not be null");
		Assert.notNull(sources, "'sources' must not be null");
		Assert.notNull(restart, "'restart' must not be null");
		Assert.notNull(resources, "'resources' must not be null");
		Assert.notNull(settings, "'settings' must not be null");
		this.transaction = new ReloadTransaction(generations, index, beans, rebuilder, gate, participants, persistence);
		this.generations = generations;
		this.index = index;
		this.watcher = watcher;
		this.gate = gate;
		this.history = history;
		this.observers = observers;
		this.selection = selection;
		this.trust = trust;
		this.settings = settings;
		this.retirement = retirement;
		this.sources = sources;
		this.restart = restart;
		this.resources = resources;
	}

	/**
	 * Return the {@link Reloader} that applications use: this engine's public face.
	 * @return the reloader
	 */
	public Reloader reloader() {
		return this.reloader;
	}

	/**
	 * Apply every change made since the last reload, now, waiting for a reload in
	 * progress to finish first.
	 * @param trigger what asked for the reload
	 * @return the report
	 */
	public ReloadReport reload(ReloadTrigger trigger) {
		this.gate.releaseCurrentPass();
		this.reloadLock.lock();
		try {
			return observed(trigger, () -> reloadLocked(trigger, true));
		}
		finally {
			this.reloadLock.unlock();
		}
	}

	/**
	 * Return whether a request should call {@link #beforeRequest()}: requests apply
	 * changes, and files are being written or a change waits to be applied. A few
	 * volatile reads.
	 * @return whether there is anything to do
	 */
	public boolean needsAttention() {
		return this.settings.onRequest() && !this.restarting
				&& (this.watcher.needsAttention() || this.sources.needsAttention() || this.resources.needsAttention());
	}

	/**
	 * Called before a request is handled: if a change was detected, wait for it to settle
	 * and apply it, so that the request is served by the new code. Costs one volatile
	 * read when nothing changed.
	 */
	public void beforeRequest() {
		if (needsAttention()) {
			applyPending(ReloadTrigger.REQUEST);
		}
	}

	/**
	 * Wait, at most for the request wait, for detected changes to settle, and apply them
	 * unless another thread did so in the meantime.
	 * @param trigger what asks for the changes
	 */
	public void applyPending(ReloadTrigger trigger) {
		long deadline = System.nanoTime() + this.settings.requestWait().toNanos();
		try {
			if (!isPending(deadline)) {
				return;
			}
			if (this.reloadLock.tryLock(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
				try {
					// another request may have applied it while this one waited
					if (isPending(deadline)) {
						observed(trigger, () -> reloadLocked(trigger, false));
					}
				}
				finally {
					this.reloadLock.unlock();
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private boolean isPending(long deadline) throws InterruptedException {
		// sources first: what compiling them writes is applied with the rest
		boolean sourcesPending = this.sources.awaitSettled(deadline);
		boolean resourcesPending = this.resources.awaitSettled(deadline);
		return !this.watcher.awaitSettled(deadline).isEmpty() || sourcesPending || resourcesPending;
	}

	/**
	 * Return the recent reports.
	 * @return the history
	 */
	public ReloadHistory history() {
		return this.history;
	}

	/**
	 * Return the current generation.
	 * @return the generation number
	 */
	public long generation() {
		return this.generations.generation();
	}

	/**
	 * Return the effective registrations.
	 * @return the registrations
	 */
	public ModuleRegistrations.Snapshot registrations() {
		return this.selection.registrations().snapshot();
	}

	/**
	 * Register a class or package pattern for reloading.
	 * @param pattern the pattern
	 */
	public void registerModule(String pattern) {
		ModulePattern parsed = ModulePattern.parse(pattern);
		this.selection.registrations().register(parsed);
		logger.info("Registered module " + parsed + " for reloading");
	}

	/**
	 * Stop reloading a class or package until it is registered again.
	 * @param pattern the pattern
	 */
	public void unregisterModule(String pattern) {
		ModulePattern parsed = ModulePattern.parse(pattern);
		this.selection.registrations().unregister(parsed);
		logger.info("Unregistered module " + parsed + ": its code keeps running and is not reloaded until "
				+ "it is registered again");
	}

	@Override
	public void setApplicationEventPublisher(ApplicationEventPublisher eventPublisher) {
		this.eventPublisher = eventPublisher;
	}

	private ReloadReport reloadLocked(ReloadTrigger trigger, boolean recordNoChanges) {
		Instant timestamp = Instant.now();
		long start = System.nanoTime();
		ChangeSet changes = ChangeSet.NONE;
		if (this.restarting) {
			// the restarted application applies what is on disk
			return report(ReloadOutcome.NO_CHANGES, changes, Set.of(), trigger, timestamp, start, null);
		}
		boolean rebuilding = false;
		try {
			// edited sources become class files first; a reload that was asked for
			// compiles again what failed before
			boolean compiled = this.sources.compile(recordNoChanges);
			// a reload that was asked for, or that follows a compile, looks at the files
			// now; one that follows the watcher may reuse its comparison of the files it
			// just saw settle
			Selection selected = this.selection
				.select((recordNoChanges || compiled) ? this.index.diff() : this.watcher.diff());
			logSkipped(selected);
			rebuilding = selected.rebuilding();
			changes = withoutRestartOnly(selected.changes());
			this.trust.check(changes);
			Set<String> resources = changedResources(selected, compiled);
			if (!resources.isEmpty()) {
				// what the application read as it started is read again only by a new
				// start
				this.selection.gatePassed();
				return restartOnceBuilt(rebuilding, changes, trigger, timestamp, start,
						"Restarted: " + resources + " changed, which the application read as it started");
			}
			if (selected.closedReason() == null) {
				this.selection.gatePassed();
			}
			if (changes.isEmpty()) {
				this.watcher.changesApplied();
				ReloadReport report = report(ReloadOutcome.NO_CHANGES, changes, Set.of(), trigger, timestamp, start,
						null);
				if (recordNoChanges) {
					record(report, null);
				}
				return report;
			}
			Applied applied = apply(changes);
			this.restartOnly.applied(changes);
			Set<String> rebuilt = applied.rebuiltBeans();
			remember(applied.undo());
			this.selection.applied(changes);
			this.watcher.changesApplied();
			ReloadReport report = report(ReloadOutcome.RELOADED, changes, rebuilt, trigger, timestamp, start, null);
			record(report, null);
			logger.info("Reloaded generation " + report.generation() + " in " + report.durationMillis() + " ms: "
					+ report.changedClasses().size() + " changed classes, rebuilt beans " + report.rebuiltBeans() + " ("
					+ trigger + ")");
			return report;
		}
		catch (RestartRequiredException ex) {
			if (!this.restart.isAvailable()) {
				this.restartOnly.refused(changes);
				return failed(changes, trigger, timestamp, start, ex);
			}
			return restartOnceBuilt(rebuilding, changes, trigger, timestamp, start,
					"Restarted: changes to " + changes.classNames() + " cannot be applied in place: " + ex.reason());
		}
		catch (RuntimeException | LinkageError ex) {
			if (!recordNoChanges && rewritten(changes)) {
				// a build wrote them while they were read (a class file half written):
				// its
				// writes are a burst that the watcher reports again once they settle
				logger.debug("Class files changed while a reload read them; it is tried again once they settle", ex);
				return report(ReloadOutcome.NO_CHANGES, ChangeSet.NONE, Set.of(), trigger, timestamp, start, null);
			}
			return failed(changes, trigger, timestamp, start, ex);
		}
	}

	private boolean rewritten(ChangeSet changes) {
		try {
			return this.index.rewrittenSince(changes, HALF_WRITTEN_PATIENCE);
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	/**
	 * Leave out changes refused before as needing a restart, unchanged since, so that
	 * they do not block later, unrelated changes while restarts are off.
	 */
	private ChangeSet withoutRestartOnly(ChangeSet changes) {
		Set<String> kept = this.restartOnly.among(changes);
		if (kept.isEmpty()) {
			return changes;
		}
		logger.warn("Left out of this reload, as they need a restart and restarts are off: " + kept
				+ "; the running application keeps their previous code");
		return changes.without(kept);
	}

	/**
	 * Return the resources read at start-up that differ from what the application started
	 * with, unless the touch file holds reloads back.
	 */
	private Set<String> changedResources(Selection selected, boolean copied) {
		// the watcher may not have seen a copy made by this reload's compile yet
		if (!(this.resources.needsAttention() || copied) || selected.closedReason() != null) {
			return Set.of();
		}
		return this.resources.changed();
	}

	/**
	 * Restart, unless a build is deleting and rewriting the class files: a start from
	 * them now would lack some, so the restart waits and the old code serves until the
	 * build is done.
	 */
	private ReloadReport restartOnceBuilt(boolean rebuilding, ChangeSet changes, ReloadTrigger trigger,
			Instant timestamp, long start, String reason) {
		if (rebuilding) {
			logger.debug("A restart waits for the build that is rewriting the class files: " + reason);
			return report(ReloadOutcome.NO_CHANGES, ChangeSet.NONE, Set.of(), trigger, timestamp, start, null);
		}
		return restart(changes, trigger, timestamp, start, reason);
	}

	private ReloadReport restart(ChangeSet changes, ReloadTrigger trigger, Instant timestamp, long start,
			String reason) {
		this.restarting = true;
		this.watcher.changesApplied();
		ReloadReport report = report(ReloadOutcome.RESTARTED, changes, Set.of(), trigger, timestamp, start, reason);
		record(report, null);
		logger.info(reason + "; restarting the application from the class files on disk (" + trigger + ")");
		this.restart.restart(this.history.reports());
		return report;
	}

	private ReloadReport failed(ChangeSet changes, ReloadTrigger trigger, Instant timestamp, long start, Throwable ex) {
		this.watcher.changesRejected(changes);
		this.retirement.discarded();
		String error = describe(ex);
		ReloadReport report = report(ReloadOutcome.FAILED, changes, Set.of(), trigger, timestamp, start, error);
		record(report, ex);
		logger.error("Reload failed, generation " + report.generation() + " keeps serving: " + error,
				this.settings.debug() ? ex : null);
		return report;
	}

	private void logSkipped(Selection selected) {
		if (!this.settings.debug()) {
			return;
		}
		if (selected.closedReason() != null) {
			logger.info("Nothing reloaded: " + selected.closedReason());
		}
		selected.skipped().forEach((name, reason) -> logger.info("Skipped changed class " + name + ": " + reason));
	}

	private Applied apply(ChangeSet changes) {
		Applied applied = this.transaction.apply(changes);
		if (this.settings.debug()) {
			logDetails(changes, applied);
		}
		this.retirement.retire(applied.switched());
		return applied;
	}

	/**
	 * Return to the code as it was before the last reload, through the same verified,
	 * atomic path as a reload. The class files on disk stay as they are and are not
	 * reloaded on requests until they change again.
	 * @return the report
	 */
	public ReloadReport rollback() {
		this.gate.releaseCurrentPass();
		this.reloadLock.lock();
		try {
			return observed(ReloadTrigger.ROLLBACK, this::rollbackLocked);
		}
		finally {
			this.reloadLock.unlock();
		}
	}

	private ReloadReport rollbackLocked() {
		Instant timestamp = Instant.now();
		long start = System.nanoTime();
		ChangeSet changes = this.undo.peek();
		if (changes == null) {
			logger.info("Nothing to roll back: no reload since start-up, or every one rolled back");
			ReloadReport report = report(ReloadOutcome.NO_CHANGES, ChangeSet.NONE, Set.of(), ReloadTrigger.ROLLBACK,
					timestamp, start, null);
			record(report, null);
			return report;
		}
		try {
			Applied applied = apply(changes);
			this.undo.pop();
			this.selection.applied(changes);
			// what is on disk is what was rolled back from: not again until it
			// changes
			this.watcher.changesRejected(this.selection.select(this.index.diff()).changes());
			ReloadReport report = report(ReloadOutcome.RELOADED, changes, applied.rebuiltBeans(),
					ReloadTrigger.ROLLBACK, timestamp, start, null);
			record(report, null);
			logger.info("Rolled back to generation " + report.generation() + " in " + report.durationMillis() + " ms: "
					+ report.changedClasses().size() + " classes, rebuilt beans " + report.rebuiltBeans());
			return report;
		}
		catch (RuntimeException | LinkageError ex) {
			ReloadReport report = report(ReloadOutcome.FAILED, changes, Set.of(), ReloadTrigger.ROLLBACK, timestamp,
					start, describe(ex));
			record(report, ex);
			logger.error("Rollback failed, generation " + report.generation() + " keeps serving: " + report.error(),
					this.settings.debug() ? ex : null);
			return report;
		}
	}

	private ReloadReport observed(ReloadTrigger trigger, Supplier<ReloadReport> reload) {
		List<ReloadObserver> outermostFirst = new ArrayList<>();
		this.observers.forEach(outermostFirst::add);
		Supplier<ReloadReport> chain = reload;
		for (int i = outermostFirst.size() - 1; i >= 0; i--) {
			ReloadObserver observer = outermostFirst.get(i);
			Supplier<ReloadReport> inner = chain;
			chain = () -> observer.observe(trigger, inner);
		}
		return chain.get();
	}

	private void logDetails(ChangeSet changes, Applied applied) {
		new TreeMap<>(applied.previousGenerations()).forEach((name, previous) -> {
			String reason = changes.removed().contains(name) ? "removed"
					: changes.classNames().contains(name) ? "changed" : "refers to a changed class";
			logger.info("Reloaded class " + name + ": generation " + ((previous < 0) ? "none" : previous) + " -> "
					+ (changes.removed().contains(name) ? "none" : applied.generation()) + " (" + reason + ")");
		});
		applied.rebuiltBeans().forEach((bean) -> logger.info("Rebuilt bean '" + bean + "'"));
	}

	private ReloadReport report(ReloadOutcome outcome, ChangeSet changes, Set<String> rebuilt, ReloadTrigger trigger,
			Instant timestamp, long start, @Nullable String error) {
		long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
		Map<String, String> hashes = new TreeMap<>();
		changes.contents().forEach((name, file) -> hashes.put(name, file.sha256()));
		return new ReloadReport(outcome, this.generations.generation(), List.copyOf(changes.classNames()), hashes,
				List.copyOf(new TreeSet<>(rebuilt)), millis, trigger, timestamp, error);
	}

	private static String describe(Throwable ex) {
		if (ex instanceof RestartRequiredException || ex instanceof IllegalStateException
				|| ex instanceof BeanRebuildException || ex instanceof GenerationVerificationException
				|| ex instanceof UntrustedClassFileException || ex instanceof SwitchFailedException) {
			return ex.getMessage();
		}
		Throwable cause = NestedExceptionUtils.getMostSpecificCause(ex);
		return cause.getClass().getName() + ": " + cause.getMessage();
	}

	private void record(ReloadReport report, @Nullable Throwable failure) {
		this.history.record(report);
		ApplicationEventPublisher publisher = this.eventPublisher;
		if (publisher == null || report.outcome() == ReloadOutcome.NO_CHANGES) {
			return;
		}
		try {
			publisher.publishEvent(
					(report.outcome() != ReloadOutcome.FAILED) ? new ReloadSucceededEvent(this.reloader, report)
							: new ReloadFailedEvent(this.reloader, report, failure));
		}
		catch (RuntimeException ex) {
			// a listener's failure is not the reload's
			logger.warn("A listener of the reload event failed", ex);
		}
	}

	private void remember(ChangeSet undo) {
		this.undo.push(undo);
		while (this.undo.size() > this.settings.undoDepth()) {
			this.undo.removeLast();
		}
	}

	/**
	 * How the engine behaves.
	 *
	 * @param requestWait longest time a request waits for a change to be applied
	 * @param drainTimeout longest time a replaced bean waits for its requests
	 * @param debug whether to log every class and bean
	 * @param undoDepth how many reloads can be rolled back, one after the other
	 * @param onRequest whether a request applies a detected change before it is handled
	 */
	public record Settings(Duration requestWait, Duration drainTimeout, boolean debug, int undoDepth,
			boolean onRequest) {

	}

}
