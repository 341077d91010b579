package dev.reload.autoconfigure.engine;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import dev.reload.ReloadReport;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The most recent reload reports, newest first.
 *
 * @author reload-spring-boot
 */
public final class ReloadHistory {

	private final int capacity;

	private final Deque<ReloadReport> reports = new ArrayDeque<>();

	/**
	 * Create a history.
	 * @param capacity how many reports to keep
	 */
	public ReloadHistory(int capacity) {
		Assert.isTrue(capacity > 0, "'capacity' must be positive");
		this.capacity = capacity;
	}

	synchronized void record(ReloadReport report) {
		this.reports.addFirst(report);
		while (this.reports.size() > this.capacity) {
			this.reports.removeLast();
		}
	}

	/**
	 * Return the newest report.
	 * @return the report, or {@code null} before the first reload
	 */
	public synchronized @Nullable ReloadReport last() {
		return this.reports.peekFirst();
	}

	/**
	 * Return the kept reports, newest first.
	 * @return the reports
	 */
	public synchronized List<ReloadReport> reports() {
		return List.copyOf(this.reports);
	}

}
