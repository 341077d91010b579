package dev.reload.autoconfigure.actuate;

import dev.reload.ReloadReport;
import dev.reload.autoconfigure.engine.ReloadEngine;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.util.Assert;

/**
 * Reports the current generation and the last reload. It is always {@code UP}: a failed
 * reload switches nothing, so the previous generation keeps serving correctly, and taking
 * the instance out of a load balancer for it would turn a harmless failure into an
 * outage. The details say what failed.
 *
 * @author reload-spring-boot
 */
public class ReloadHealthIndicator extends AbstractHealthIndicator {

	private final ReloadEngine engine;

	/**
	 * Create an indicator.
	 * @param engine the reload engine
	 */
	public ReloadHealthIndicator(ReloadEngine engine) {
		super("Reload health check failed");
		Assert.notNull(engine, "'engine' must not be null");
		this.engine = engine;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		builder.up().withDetail("generation", this.engine.generation());
		ReloadReport last = this.engine.history().last();
		if (last != null) {
			builder.withDetail("lastOutcome", last.outcome().name())
				.withDetail("lastReload", last.timestamp().toString());
			if (last.error() != null) {
				builder.withDetail("error", last.error());
			}
		}
	}

}
