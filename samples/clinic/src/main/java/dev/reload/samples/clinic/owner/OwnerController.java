package dev.reload.samples.clinic.owner;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The owners page, rendered with Thymeleaf.
 *
 * @author reload-spring-boot
 */
@Controller
class OwnerController {

	private final OwnerRepository owners;

	OwnerController(OwnerRepository owners) {
		this.owners = owners;
	}

	@GetMapping("/owners")
	String owners(@RequestParam(defaultValue = "") String lastName, Model model) {
		model.addAttribute("owners", this.owners.findByLastNameStartingWith(lastName));
		return "owners/list";
	}

}
