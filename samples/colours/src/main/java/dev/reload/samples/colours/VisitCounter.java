package dev.reload.samples.colours;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

/**
 * State that survives reloads: no change reaches this bean, so it is never rebuilt.
 *
 * @author reload-spring-boot
 */
@Component
public class VisitCounter {

	private final AtomicLong visits = new AtomicLong();

	public long next() {
		return this.visits.incrementAndGet();
	}

}
