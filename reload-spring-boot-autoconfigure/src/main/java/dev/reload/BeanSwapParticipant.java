package dev.reload;

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
	 * @return what to do at the switch, while requests are held at the gate
	 */
	Switch prepare(List<BeanSwap> swaps);

	/**
	 * A participant's part of a switch. If a later part of the same switch fails, the
	 * parts already applied are undone, newest first, so that all of the application
	 * keeps running the old code.
	 */
	interface Switch {

		/**
		 * Apply this part.
		 */
		void apply();

		/**
		 * Undo this part, after it was applied.
		 */
		void undo();

		/**
		 * Release what this part replaced, once the requests that may still use it are
		 * done, as the replaced beans are destroyed then; not called for a part that was
		 * undone.
		 */
		default void retire() {
		}

		/**
		 * Return a part that does nothing, for a participant whose concerns the swaps do
		 * not touch.
		 * @return a part with nothing to apply or undo
		 */
		static Switch none() {
			return NoSwitch.INSTANCE;
		}

	}

}
