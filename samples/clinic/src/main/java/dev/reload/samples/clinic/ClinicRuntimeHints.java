package dev.reload.samples.clinic;

import dev.reload.samples.clinic.model.BaseEntity;
import dev.reload.samples.clinic.model.Person;
import dev.reload.samples.clinic.vet.Vet;
import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * Names entity classes by class literal, as PetClinic's {@code PetClinicRuntimeHints}
 * does: the main class refers to them through its annotation.
 *
 * @author reload-spring-boot
 */
class ClinicRuntimeHints implements RuntimeHintsRegistrar {

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		hints.resources().registerPattern("templates/*");
		hints.serialization().registerType(BaseEntity.class);
		hints.serialization().registerType(Person.class);
		hints.serialization().registerType(Vet.class);
	}

}
