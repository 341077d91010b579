package dev.reload.autoconfigure.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import dev.reload.autoconfigure.change.ChangeSet;
import dev.reload.autoconfigure.change.ConfigurationClassChange;
import dev.reload.autoconfigure.change.EntityMappingChange;
import dev.reload.autoconfigure.change.HeldClasses;
import dev.reload.autoconfigure.change.ClassFileIndex;
import dev.reload.autoconfigure.classloader.ClassGenerations;
import dev.reload.autoconfigure.classloader.GenerationClassLoader;
import dev.reload.autoconfigure.classloader.GenerationVerifier;
import dev.reload.autoconfigure.scope.BeanRebuilder;
import dev.reload.autoconfigure.scope.BeanRebuilder.Committed;
import dev.reload.autoconfigure.scope.BeanRebuilder.PreparedRebuild;
import dev.reload.autoconfigure.scope.ConfigurationRebuild;
import dev.reload.BeanSwapParticipant;
import dev.reload.BeanSwapParticipant.Switch;
import dev.reload.autoconfigure.scope.ReloadableBeans;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * One reload, all or nothing: build the next generation of the affected classes, verify
 * it against the running class path, build every affected bean, let every participant
 * prepare, and only then switch all of it in at once, through the request gate. Anything
 * that fails before the switch leaves the running code as it was.
 *
 * @author reload-spring-boot
 */
final class ReloadTransaction {

	private static final Log logger = LogFactory.getLog(ReloadTransaction.class);

	private static final String CONFIGURATION_REFUSED = "a configuration class, whose change cannot be applied to "
			+ "the beans made of it: ";

	private final ClassGenerations generations;

	private final ClassFileIndex index;

	private final ReloadableBeans beans;

	private final BeanRebuilder rebuilder;

	private final RequestGate gate;

	private final Iterable<BeanSwapParticipant> participants;

	private final Supplier<PersistenceUnitRebuild> persistence;

	ReloadTransaction(ClassGenerations generations, ClassFileIndex index, ReloadableBeans beans,
			BeanRebuilder rebuilder, RequestGate gate, Iterable<BeanSwapParticipant> participants,
			Supplier<PersistenceUnitRebuild> persistence) {
		Assert.notNull(generations, "'generations' must not be null");
		Assert.notNull(index, "'index' must not be null");
		Assert.notNull(beans, "'beans' must not be null");
		Assert.notNull(rebuilder, "'rebuilder' must not be null");
		Assert.notNull(gate, "'gate' must not be null");
		Assert.notNull(participants, "'participants' must not be null");
		Assert.notNull(persistence, "'persistence' must not be null");
		this.persistence = persistence;
		this.generations = generations;
		this.index = index;
		this.beans = beans;
		this.rebuilder = rebuilder;
		this.gate = gate;
		this.participants = participants;
	}

	/**
	 * Apply the given changes.
	 * @param changes the changes
	 * @return what was applied and how to undo it
	 * @throws RuntimeException if anything failed: nothing was switched
	 */
	Applied apply(ChangeSet changes) {
		ChangeSet undo = undoOf(changes);
		Set<String> affected = this.index.affectedBy(changes);
		Map<String, String> held = heldAmong(changes, affected);
		boolean rebuildsUnits = keepsMappings(changes, held);
		if (rebuildsUnits) {
			// the repositories read the persistence units' model when they are built
			affected = this.index.affectedBy(changes, rebuiltRepositories());
			held = heldAmong(changes, affected);
			keepsMappings(changes, held);
		}
		Map<String, Long> previousGenerations = new HashMap<>();
		affected.forEach((name) -> previousGenerations.put(name, this.generations.generationOf(name)));
		Set<String> needingRestart = this.beans.needingRestart(affected);
		if (!needingRestart.isEmpty()) {
			throw new RestartRequiredException(needingRestart, changes.classNames());
		}
		ConfigurationRebuild configurations = planConfigurations(changes, affected, held);
		if (!held.isEmpty()) {
			throw new RestartRequiredException(held, changes.classNames());
		}
		GenerationClassLoader generation = this.generations.stage(definitions(changes, affected));
		GenerationVerifier.verify(generation);
		Map<String, byte[]> added = new HashMap<>();
		changes.added().forEach((name, file) -> added.put(name, file.bytes()));
		Set<String> redefined = affected;
		PersistenceUnitRebuild.Prepared units = rebuildsUnits
				? this.generations.withStaged(generation, () -> this.persistence.get().prepare(generation)) : null;
		PreparedRebuild rebuild;
		try {
			Supplier<PreparedRebuild> build = () -> this.generations.withStaged(generation,
					() -> this.rebuilder.prepare(generation, redefined, added, changes.removed(), configurations,
							(units != null) ? units.rebuiltBeans() : Set.of()));
			rebuild = (units != null) ? units.building(build) : build.get();
		}
		catch (ConfigurationRebuild.RefusedException ex) {
			discard(units);
			throw new RestartRequiredException(Map.of(ex.className(), CONFIGURATION_REFUSED + ex.reason()),
					changes.classNames());
		}
		catch (RuntimeException | LinkageError ex) {
			discard(units);
			throw ex;
		}
		List<Switch> switches = new ArrayList<>();
		if (units != null) {
			// first: the rebuilt beans are of the new units' classes
			switches.add(units);
		}
		try {
			for (BeanSwapParticipant participant : this.participants) {
				switches.add(participant.prepare(rebuild.swaps()));
			}
		}
		catch (RuntimeException ex) {
			rebuild.discard();
			discard(units);
			throw ex;
		}
		RequestGate.Switched<Runnable> switched = switchOver(generation, changes, rebuild, switches, units);
		this.index.apply(changes);
		ClassCaches.clear(this.generations.applicationClassLoader().getParent());
		return new Applied(rebuild.beanNames(), undo, previousGenerations, generation.generation(), switched);
	}

	/**
	 * Plan the rebuild of the configuration classes among the affected ones, taking those
	 * it applies in place out of the held classes, and putting in those it refuses, with
	 * the reason.
	 */
	private ConfigurationRebuild planConfigurations(ChangeSet changes, Set<String> affected, Map<String, String> held) {
		Map<String, ConfigurationClassChange> configurationChanges = new HashMap<>();
		for (String name : this.beans.configurationClassesAmong(affected)) {
			byte[] before = this.generations.appliedClassFile(name);
			ChangeSet.ClassFile changed = changes.contents().get(name);
			byte[] after = (changed != null) ? changed.bytes() : before;
			if (before == null || after == null || changes.removed().contains(name)) {
				held.putIfAbsent(name, "a configuration class, whose bean definitions were read at start-up");
				continue;
			}
			configurationChanges.put(name, ConfigurationClassChange.of(name, before, after));
		}
		ConfigurationRebuild configurations = this.rebuilder.planConfigurations(configurationChanges, affected);
		configurationChanges.keySet().forEach(held::remove);
		configurations.refusals().forEach((name, refusal) -> held.put(name, CONFIGURATION_REFUSED + refusal));
		return configurations;
	}

	private RequestGate.Switched<Runnable> switchOver(GenerationClassLoader generation, ChangeSet changes,
			PreparedRebuild rebuild, List<Switch> switches, PersistenceUnitRebuild.@Nullable Prepared units) {
		AtomicBoolean switching = new AtomicBoolean();
		try {
			return this.gate.switchOver(() -> {
				switching.set(true);
				return switchAll(generation, changes, rebuild, switches);
			});
		}
		catch (RuntimeException ex) {
			if (!switching.get()) {
				// the gate refused: nothing was switched
				rebuild.discard();
				discard(units);
			}
			throw ex;
		}
	}

	/**
	 * Switch every part, or, if one fails, undo the parts already switched, newest first,
	 * so that all of the application keeps running the old code.
	 */
	private Runnable switchAll(GenerationClassLoader generation, ChangeSet changes, PreparedRebuild rebuild,
			List<Switch> switches) {
		Deque<Runnable> undo = new ArrayDeque<>();
		try {
			undo.push(this.generations.commit(generation, changes.removed()));
			// the products of rebuilt factory beans are post-processed again under their
			// lasting names: their proxies are made in the new generation
			Committed committed = this.generations.withStaged(generation, rebuild::commit);
			undo.push(committed::undo);
			for (Switch part : switches) {
				part.apply();
				undo.push(part::undo);
			}
			Runnable replacedBeans = committed.retirement();
			return () -> {
				switches.forEach(ReloadTransaction::retire);
				replacedBeans.run();
			};
		}
		catch (RuntimeException | LinkageError ex) {
			while (!undo.isEmpty()) {
				try {
					undo.pop().run();
				}
				catch (RuntimeException | LinkageError undoFailure) {
					ex.addSuppressed(undoFailure);
				}
			}
			throw new SwitchFailedException(ex);
		}
	}

	private static void retire(Switch part) {
		try {
			part.retire();
		}
		catch (RuntimeException ex) {
			logger.warn("Releasing what a reload replaced failed", ex);
		}
	}

	/**
	 * Return the classes among the affected ones that a framework holds on to, with what
	 * each is; a repository whose bean is rebuilt from a copy of its definition is not
	 * held.
	 */
	private Map<String, String> heldAmong(ChangeSet changes, Set<String> affected) {
		Map<String, String> held = HeldClasses.among(affected, (name) -> {
			ChangeSet.ClassFile changed = changes.contents().get(name);
			return (changed != null) ? changed.bytes() : this.index.currentClassFile(name);
		});
		held.entrySet()
			.removeIf((entry) -> HeldClasses.REPOSITORY.equals(entry.getValue())
					&& this.beans.isRebuiltRepository(entry.getKey()));
		held.putAll(this.beans.heldAmong(affected));
		return held;
	}

	/**
	 * Return whether the held classes include JPA managed types that all kept their
	 * mapping, in persistence units a reload can build again: then they are taken out of
	 * the held classes, and the units are rebuilt. Otherwise each managed type stays
	 * held, with why.
	 */
	private boolean keepsMappings(ChangeSet changes, Map<String, String> held) {
		Map<String, String> reasons = new HashMap<>();
		held.forEach((name, kind) -> {
			if (HeldClasses.isManagedType(kind)) {
				reasons.put(name, mappingChange(changes, name));
			}
		});
		if (reasons.isEmpty()) {
			return false;
		}
		String refusal = this.persistence.get().refusal();
		if (refusal == null && reasons.values().stream().allMatch((reason) -> reason == null)) {
			held.keySet().removeAll(reasons.keySet());
			return true;
		}
		reasons.forEach((name, reason) -> held.put(name,
				held.get(name) + ((reason != null) ? ", whose mapping changed: " + reason : ", and " + refusal)));
		return false;
	}

	private @Nullable String mappingChange(ChangeSet changes, String name) {
		byte[] before = this.generations.appliedClassFile(name);
		if (before == null) {
			return "it is new to the persistence unit";
		}
		if (changes.removed().contains(name)) {
			return "it was removed";
		}
		ChangeSet.ClassFile changed = changes.contents().get(name);
		return (changed != null) ? EntityMappingChange.mappingChange(name, before, changed.bytes()) : null;
	}

	/**
	 * Return the interfaces of the repositories a reload rebuilds, with class files it
	 * can define again.
	 */
	private Set<String> rebuiltRepositories() {
		Set<String> repositories = new TreeSet<>(this.beans.rebuiltRepositoryInterfaces());
		repositories.removeIf((name) -> this.generations.appliedClassFile(name) == null);
		return repositories;
	}

	private static void discard(PersistenceUnitRebuild.@Nullable Prepared units) {
		if (units != null) {
			units.discard();
		}
	}

	private ChangeSet undoOf(ChangeSet changes) {
		Map<String, ChangeSet.ClassFile> restoreModified = new HashMap<>();
		Map<String, ChangeSet.ClassFile> restoreRemoved = new HashMap<>();
		changes.modified().keySet().forEach((name) -> restore(name, restoreModified));
		changes.removed().forEach((name) -> restore(name, restoreRemoved));
		return new ChangeSet(restoreRemoved, restoreModified, changes.added().keySet());
	}

	private void restore(String name, Map<String, ChangeSet.ClassFile> into) {
		byte[] applied = this.generations.appliedClassFile(name);
		if (applied != null) {
			into.put(name, ChangeSet.ClassFile.of(name, applied));
		}
	}

	private Map<String, byte[]> definitions(ChangeSet changes, Set<String> affected) {
		Map<String, byte[]> definitions = new HashMap<>();
		for (String name : affected) {
			if (changes.removed().contains(name)) {
				continue;
			}
			ChangeSet.ClassFile changed = changes.contents().get(name);
			if (changed != null) {
				definitions.put(name, changed.bytes());
				continue;
			}
			// unchanged, but refers to a changed class: redefined from the bytes it runs
			byte[] applied = this.generations.appliedClassFile(name);
			if (applied != null) {
				definitions.put(name, applied);
			}
		}
		return definitions;
	}

	/**
	 * What a transaction applied.
	 *
	 * @param rebuiltBeans the beans rebuilt, added and removed
	 * @param undo the changes that undo it
	 * @param previousGenerations the generation each affected class came from
	 * @param generation the generation switched in
	 * @param switched the switch, with what destroys the replaced beans
	 */
	record Applied(Set<String> rebuiltBeans, ChangeSet undo, Map<String, Long> previousGenerations, long generation,
			RequestGate.Switched<Runnable> switched) {

	}

}
