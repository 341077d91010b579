package dev.reload.samples.clinic.probes;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * A {@link SmartLifecycle} {@code @Component}, in the default phase.
 *
 * @author reload-spring-boot
 */
@Component
class ComponentLifecycle implements SmartLifecycle {

	private volatile boolean running;

	@Override
	public void start() {
		this.running = true;
		Events.record("component lifecycle start");
	}

	@Override
	public void stop() {
		this.running = false;
		Events.record("component lifecycle stop");
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
