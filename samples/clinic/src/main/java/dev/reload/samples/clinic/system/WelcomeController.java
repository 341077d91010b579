package dev.reload.samples.clinic.system;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The welcome page.
 *
 * @author reload-spring-boot
 */
@Controller
class WelcomeController {

	private final ClinicProperties properties;

	WelcomeController(ClinicProperties properties) {
		this.properties = properties;
	}

	@GetMapping("/")
	String welcome(Model model) {
		model.addAttribute("welcome", this.properties.welcome());
		return "welcome";
	}

}
