package dev.reload.samples.webflux;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring WebFlux application on Netty: change {@link Greeter}, compile, and the next
 * request is answered by the new code.
 *
 * @author reload-spring-boot
 */
@SpringBootApplication
public class GreetingsApplication {

	public static void main(String[] args) {
		SpringApplication.run(GreetingsApplication.class, args);
	}

}
