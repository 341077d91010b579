package dev.reload.autoconfigure.engine;

import dev.reload.ReloadReport;
import dev.reload.ReloadTrigger;
import dev.reload.Reloader;

/**
 * The {@link Reloader} applications use, in front of the engine: what is public about
 * reloading, without the engine's request-path methods.
 *
 * @author reload-spring-boot
 */
final class EngineReloader implements Reloader {

	private final ReloadEngine engine;

	EngineReloader(ReloadEngine engine) {
		this.engine = engine;
	}

	@Override
	public ReloadReport reload() {
		return this.engine.reload(ReloadTrigger.API);
	}

	@Override
	public ReloadReport rollback() {
		return this.engine.rollback();
	}

	@Override
	public void registerModule(String pattern) {
		this.engine.registerModule(pattern);
	}

	@Override
	public void unregisterModule(String pattern) {
		this.engine.unregisterModule(pattern);
	}

	@Override
	public String toString() {
		return "Reloader of generation " + this.engine.generation();
	}

}
