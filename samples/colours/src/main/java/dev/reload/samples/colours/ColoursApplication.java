package dev.reload.samples.colours;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The Apache2::Reload colour example as a Spring Boot application: change
 * {@link Colours#colour()}, compile, and the next request shows the new colour without a
 * restart.
 *
 * @author reload-spring-boot
 */
@SpringBootApplication
public class ColoursApplication {

	public static void main(String[] args) {
		SpringApplication.run(ColoursApplication.class, args);
	}

}
