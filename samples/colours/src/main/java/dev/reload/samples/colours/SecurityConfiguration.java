package dev.reload.samples.colours;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may reload. Without the {@code secured} profile the sample is open, as a
 * developer's machine is; with it, the {@code reload} endpoint needs a user with the
 * {@code OPERATOR} role (see {@code application.yml}), over HTTP basic, and the
 * application's own pages stay open.
 *
 * @author reload-spring-boot
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

	@Bean
	@Profile("secured")
	SecurityFilterChain securedReloadEndpoint(HttpSecurity http) throws Exception {
		return http
			.authorizeHttpRequests((requests) -> requests.requestMatchers("/actuator/reload", "/actuator/reload/**")
				.hasRole("OPERATOR")
				.anyRequest()
				.permitAll())
			.httpBasic(Customizer.withDefaults())
			// operators call the endpoint with basic credentials, not from a browser
			// session
			.csrf((csrf) -> csrf.ignoringRequestMatchers("/actuator/**"))
			.build();
	}

	@Bean
	@Profile("!secured")
	SecurityFilterChain openForDevelopment(HttpSecurity http) throws Exception {
		return http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.csrf((csrf) -> csrf.disable())
			.build();
	}

}
