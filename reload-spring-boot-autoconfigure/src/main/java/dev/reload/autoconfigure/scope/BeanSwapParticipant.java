package dev.reload.autoconfigure.scope;

import java.util.List;

/**
 * Something outside the bean factory that refers to reloadable beans and must follow a
 * switch, such as the request mappings of controllers. Every participant prepares its
 * part before anything is switched, so that a failure leaves everything as it was.
 *
 * @author reload-spring-boot
 */
public interface BeanSwapParticipant {

	/**
	 * Prepare for the given swaps, throwing if they cannot be applied.
	 * @param swaps the beans being replaced, added or removed
	 * @return what to do at the switch, while requests are held at the gate; it should
	 * not fail
	 */
	Runnable prepare(List<BeanSwap> swaps);

}
