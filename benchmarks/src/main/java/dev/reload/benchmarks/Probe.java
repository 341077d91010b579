package dev.reload.benchmarks;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Asks an application the same question again and again until the answer shows the new
 * code, as a developer's browser would, and times how long that took.
 *
 * @author reload-spring-boot
 */
final class Probe {

	private static final long GIVE_UP_NANOS = TimeUnit.SECONDS.toNanos(120);

	/**
	 * Send {@code GET}s until one answers 200 with a body the predicate accepts.
	 * @param url the URL
	 * @param accepted what the body must satisfy
	 * @param startNanos when the change was made
	 * @return milliseconds from the change to that answer
	 */
	double millisUntil(String url, Predicate<String> accepted, long startNanos) {
		String last = "no answer";
		while (System.nanoTime() - startNanos < GIVE_UP_NANOS) {
			try {
				PlainHttp.Answer answer = PlainHttp.get(url, 30_000);
				last = answer.status() + " " + answer.body();
				if (answer.status() == 200 && accepted.test(answer.body())) {
					return (System.nanoTime() - startNanos) / 1_000_000.0;
				}
			}
			catch (IOException ex) {
				// a restarting server refuses connections: ask again
				last = ex.toString();
				pause();
			}
		}
		throw new IllegalStateException(url + " did not show the change within 120 s; last answer: " + last);
	}

	private static void pause() {
		try {
			Thread.sleep(1);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
