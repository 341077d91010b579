package dev.reload.benchmarks;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback load client: a number of connections, each sending its next request as soon
 * as the last is answered, recording when each was sent, how long it took, and whether it
 * failed.
 *
 * @author reload-spring-boot
 */
final class LoadClient implements AutoCloseable {

	private final List<Thread> threads = new ArrayList<>();

	private final ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();

	private final AtomicLong failures = new AtomicLong();

	private final ConcurrentLinkedQueue<String> failureReasons = new ConcurrentLinkedQueue<>();

	private volatile boolean running = true;

	private volatile boolean recording;

	LoadClient(int connections, List<String> urls) {
		for (int i = 0; i < connections; i++) {
			String url = urls.get(i % urls.size());
			Thread thread = new Thread(() -> load(url), "load-" + i);
			thread.setDaemon(true);
			this.threads.add(thread);
			thread.start();
		}
	}

	private void load(String url) {
		while (this.running) {
			long start = System.nanoTime();
			try {
				PlainHttp.Answer answer = PlainHttp.get(url, 30_000);
				if (this.recording) {
					if (answer.status() != 200) {
						this.failures.incrementAndGet();
						this.failureReasons.add(url + " answered " + answer.status());
					}
					this.samples.add(new Sample(start, System.nanoTime() - start));
				}
			}
			catch (IOException ex) {
				if (this.recording) {
					this.failures.incrementAndGet();
					this.failureReasons.add(url + ": " + ex);
				}
			}
		}
	}

	/**
	 * Start or stop recording; requests go on either way.
	 * @param recording whether to record
	 */
	void recording(boolean recording) {
		this.recording = recording;
	}

	/**
	 * Return and forget the samples recorded so far.
	 * @return the samples
	 */
	List<Sample> drain() {
		List<Sample> drained = new ArrayList<>();
		Sample sample;
		while ((sample = this.samples.poll()) != null) {
			drained.add(sample);
		}
		return drained;
	}

	long failures() {
		return this.failures.get();
	}

	List<String> failureReasons() {
		return List.copyOf(this.failureReasons);
	}

	@Override
	public void close() {
		this.running = false;
		this.threads.forEach(Thread::interrupt);
	}

	/**
	 * One answered request.
	 *
	 * @param startNanos when it was sent
	 * @param nanos how long it took
	 */
	record Sample(long startNanos, long nanos) {

		double millis() {
			return this.nanos / 1_000_000.0;
		}

	}

}
