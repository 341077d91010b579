package dev.reload.autoconfigure.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import dev.reload.ReloadReport;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.json.JsonWriter;
import org.springframework.util.Assert;

/**
 * The most recent reload reports, newest first, and optionally an audit file that gets
 * every report as one JSON line.
 *
 * @author reload-spring-boot
 */
public final class ReloadHistory {

	private static final Log logger = LogFactory.getLog(ReloadHistory.class);

	private static final JsonWriter<ReloadReport> JSON = JsonWriter.<ReloadReport>of((members) -> {
		members.add("timestamp", ReloadReport::timestamp).as(Instant::toString);
		members.add("trigger", ReloadReport::trigger).as(Enum::name);
		members.add("outcome", ReloadReport::outcome).as(Enum::name);
		members.add("generation", ReloadReport::generation);
		members.add("changedClasses", ReloadReport::changedClasses);
		members.add("changedClassHashes", ReloadReport::changedClassHashes);
		members.add("rebuiltBeans", ReloadReport::rebuiltBeans);
		members.add("durationMillis", ReloadReport::durationMillis);
		members.add("error", ReloadReport::error);
	}).withNewLineAtEnd();

	private final int capacity;

	private final @Nullable Path file;

	private final Deque<ReloadReport> reports = new ArrayDeque<>();

	/**
	 * Create a history.
	 * @param capacity how many reports to keep
	 * @param file a file to append each report to as one JSON line, or {@code null}
	 */
	public ReloadHistory(int capacity, @Nullable Path file) {
		Assert.isTrue(capacity > 0, "'capacity' must be positive");
		this.capacity = capacity;
		this.file = file;
	}

	synchronized void record(ReloadReport report) {
		this.reports.addFirst(report);
		while (this.reports.size() > this.capacity) {
			this.reports.removeLast();
		}
		if (this.file != null) {
			append(this.file, report);
		}
	}

	/**
	 * Take over the reports of the run before a restart, without writing them to the
	 * history file again.
	 * @param newestFirst the reports, newest first
	 */
	public synchronized void restore(List<ReloadReport> newestFirst) {
		for (ReloadReport report : newestFirst) {
			if (this.reports.size() < this.capacity) {
				this.reports.addLast(report);
			}
		}
	}

	private static void append(Path file, ReloadReport report) {
		try {
			Files.writeString(file, JSON.writeToString(report), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
					StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			// the audit trail must not turn a reload into a failure
			logger.warn("Could not append the reload report to " + file, ex);
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
