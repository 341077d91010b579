package dev.reload.samples.clinic.probes;

import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Two {@link SmartLifecycle} beans in different phases: started in phase order, stopped
 * in the reverse.
 *
 * @author reload-spring-boot
 */
@Configuration(proxyBeanMethods = false)
class PhasedLifecycles {

	@Bean
	SmartLifecycle earlyLifecycle() {
		return new Phased(10);
	}

	@Bean
	SmartLifecycle lateLifecycle() {
		return new Phased(20);
	}

	static final class Phased implements SmartLifecycle {

		private final int phase;

		private volatile boolean running;

		Phased(int phase) {
			this.phase = phase;
		}

		@Override
		public void start() {
			this.running = true;
			Events.record("lifecycle " + this.phase + " start");
		}

		@Override
		public void stop() {
			this.running = false;
			Events.record("lifecycle " + this.phase + " stop");
		}

		@Override
		public boolean isRunning() {
			return this.running;
		}

		@Override
		public int getPhase() {
			return this.phase;
		}

	}

}
