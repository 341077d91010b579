package dev.reload.samples.clinic.probes;

import dev.reload.samples.clinic.system.ClinicProperties;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records the callbacks of start-up: all singletons instantiated, the runners, and the
 * ready event.
 *
 * @author reload-spring-boot
 */
@Component
class StartupCallbacks implements SmartInitializingSingleton, ApplicationRunner, CommandLineRunner {

	private final ClinicProperties properties;

	StartupCallbacks(ClinicProperties properties) {
		this.properties = properties;
	}

	@Override
	public void afterSingletonsInstantiated() {
		Events.record("after singletons instantiated, welcome=" + this.properties.welcome());
	}

	@Override
	public void run(ApplicationArguments args) {
		Events.record("application runner");
	}

	@Override
	public void run(String... args) {
		Events.record("command line runner");
	}

	@EventListener
	void ready(ApplicationReadyEvent event) {
		Events.record("ready");
	}

}
