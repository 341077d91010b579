package dev.reload.samples.clinic;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.ImportRuntimeHints;

/**
 * A clinic shaped like Spring PetClinic: an entity hierarchy with mapped superclasses,
 * Spring Data JPA repositories, Thymeleaf pages, H2, and runtime hints on the main class
 * that name entity classes by class literal, as PetClinic's do.
 *
 * @author reload-spring-boot
 */
@SpringBootApplication
@ImportRuntimeHints(ClinicRuntimeHints.class)
public class ClinicApplication {

	public static void main(String[] args) {
		SpringApplication.run(ClinicApplication.class, args);
	}

}
