package dev.reload.samples.clinic.vet;

import java.util.ArrayList;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The vets, as JSON.
 *
 * @author reload-spring-boot
 */
@RestController
class VetController {

	private final VetRepository vets;

	VetController(VetRepository vets) {
		this.vets = vets;
	}

	@GetMapping("/vets")
	List<String> vets() {
		List<String> names = new ArrayList<>();
		this.vets.findAll().forEach((vet) -> names.add(vet.getFirstName() + " " + vet.getLastName()));
		return names;
	}

}
