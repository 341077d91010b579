package dev.reload.samples.clinic.system;

import dev.reload.samples.clinic.owner.Owner;
import dev.reload.samples.clinic.owner.OwnerRepository;
import dev.reload.samples.clinic.owner.Pet;
import dev.reload.samples.clinic.vet.Vet;
import dev.reload.samples.clinic.vet.VetRepository;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Puts a few owners, pets and vets into the in-memory database at start-up, before the
 * web server takes requests, as PetClinic's SQL scripts do: an application runner would
 * run after it, and a request in between would cache the empty list of vets.
 *
 * @author reload-spring-boot
 */
@Component
class SampleData implements SmartInitializingSingleton {

	private final OwnerRepository owners;

	private final VetRepository vets;

	SampleData(OwnerRepository owners, VetRepository vets) {
		this.owners = owners;
		this.vets = vets;
	}

	@Override
	public void afterSingletonsInstantiated() {
		this.owners.save(owner("George", "Franklin", "Madison", "Leo"));
		this.owners.save(owner("Betty", "Davis", "Sun Prairie", "Basil"));
		this.vets.save(vet("James", "Carter"));
	}

	private static Owner owner(String first, String last, String city, String petName) {
		Owner owner = new Owner();
		owner.setFirstName(first);
		owner.setLastName(last);
		owner.setCity(city);
		Pet pet = new Pet();
		pet.setName(petName);
		owner.addPet(pet);
		return owner;
	}

	private static Vet vet(String first, String last) {
		Vet vet = new Vet();
		vet.setFirstName(first);
		vet.setLastName(last);
		return vet;
	}

}
