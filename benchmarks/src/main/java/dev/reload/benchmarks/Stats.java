package dev.reload.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * A sample of measurements, in milliseconds, and its summary.
 *
 * @author reload-spring-boot
 */
final class Stats {

	private final List<Double> values;

	Stats(List<Double> values) {
		if (values.isEmpty()) {
			throw new IllegalArgumentException("No measurements");
		}
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		this.values = List.copyOf(sorted);
	}

	double percentile(double p) {
		int index = (int) Math.ceil(p / 100 * this.values.size()) - 1;
		return this.values.get(Math.max(0, Math.min(index, this.values.size() - 1)));
	}

	double median() {
		int n = this.values.size();
		return (n % 2 == 1) ? this.values.get(n / 2) : (this.values.get(n / 2 - 1) + this.values.get(n / 2)) / 2;
	}

	double min() {
		return this.values.get(0);
	}

	double max() {
		return this.values.get(this.values.size() - 1);
	}

	int count() {
		return this.values.size();
	}

	/**
	 * Return the median with the spread, such as {@code 12.3 ms (9.8–15.0, n=10)}.
	 * @return the summary
	 */
	String summary() {
		return String.format(Locale.ROOT, "%s ms (%s–%s, n=%d)", format(median()), format(min()), format(max()),
				count());
	}

	static String format(double millis) {
		return (millis >= 100) ? String.format(Locale.ROOT, "%.0f", millis)
				: String.format(Locale.ROOT, "%.1f", millis);
	}

}
