package dev.reload.autoconfigure.engine;

import java.util.List;

import dev.reload.ReloadReport;

/**
 * What restarts the application context in-process when a change cannot be applied in
 * place: the fallback of {@code reload.restart=auto}, for an application under
 * development.
 *
 * @author reload-spring-boot
 */
public interface ApplicationRestart {

	/**
	 * No restart: a change that cannot be applied in place fails the reload.
	 */
	ApplicationRestart NEVER = new ApplicationRestart() {

		@Override
		public boolean isAvailable() {
			return false;
		}

		@Override
		public void restart(List<ReloadReport> history) {
			throw new IllegalStateException("Restarts are off");
		}

	};

	/**
	 * Return whether a restart can be made.
	 * @return whether it can
	 */
	boolean isAvailable();

	/**
	 * Restart the application context from the class files on disk, on a thread of its
	 * own once the caller has returned: the current context is closed (requests in flight
	 * complete) and {@code main} runs again from a fresh class loader generation.
	 * @param history the reports so far, the restart's included, which the restarted
	 * application goes on from
	 */
	void restart(List<ReloadReport> history);

}
