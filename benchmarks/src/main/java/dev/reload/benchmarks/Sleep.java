package dev.reload.benchmarks;

/**
 * A measurement window: the benchmark lets load run for a fixed time. Never used to wait
 * for something to happen; that is always a condition.
 *
 * @author reload-spring-boot
 */
final class Sleep {

	private Sleep() {
	}

	static void millis(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
