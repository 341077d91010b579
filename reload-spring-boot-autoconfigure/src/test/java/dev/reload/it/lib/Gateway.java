package dev.reload.it.lib;

/**
 * A library class as the running application has it: an older version than the one a
 * changed class is compiled against in {@code VerificationIntegrationTests}.
 *
 * @author reload-spring-boot
 */
public class Gateway {

	public String charge(String amount) {
		return "charged " + amount;
	}

}
