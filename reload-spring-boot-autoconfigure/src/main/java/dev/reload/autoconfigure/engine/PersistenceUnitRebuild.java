package dev.reload.autoconfigure.engine;

import java.util.Set;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import dev.reload.BeanSwapParticipant;

/**
 * Builds the application's persistence units again from a new class generation, so that a
 * change to the code of a JPA managed type is applied in place: the persistence
 * provider's model is bound to the classes it was built from, and a new class of the same
 * name beside it would give the application two ({@code Owner cannot be cast to Owner}).
 * The reload transaction asks for it only when every changed managed type kept its
 * mapping; the repositories are rebuilt with it.
 *
 * @author reload-spring-boot
 */
public interface PersistenceUnitRebuild {

	/**
	 * A rebuild for an application without persistence units it can build again: every
	 * managed type is held, and its change needs a restart.
	 */
	PersistenceUnitRebuild NONE = new PersistenceUnitRebuild() {

		@Override
		public @Nullable String refusal() {
			return "no persistence unit that a reload can build again";
		}

		@Override
		public Prepared prepare(ClassLoader generation) {
			throw new IllegalStateException(refusal());
		}

	};

	/**
	 * Return why the persistence units cannot be built again, if they cannot.
	 * @return the reason, or {@code null} if {@link #prepare} may be called
	 */
	@Nullable String refusal();

	/**
	 * Build every persistence unit again, from the given generation, next to the running
	 * ones, without touching the database schema.
	 * @param generation the staged generation
	 * @return the new units, ready to switch in
	 * @throws RuntimeException if a unit could not be built; nothing is left behind
	 */
	Prepared prepare(ClassLoader generation);

	/**
	 * Persistence units built and waiting to be switched in. Applying the switch makes
	 * every consumer of the running units use the new ones; retiring it closes the
	 * replaced units, handing over what they were to do on close.
	 */
	interface Prepared extends BeanSwapParticipant.Switch {

		/**
		 * Return the framework beans made of the running units' model, to build again
		 * with the new units (Spring Data's mapping context).
		 * @return the bean names
		 */
		Set<String> rebuiltBeans();

		/**
		 * Build beans that read the persistence units (repositories) against the new
		 * units, on the current thread only.
		 * @param <T> the result type
		 * @param build what builds the beans
		 * @return what it returned
		 */
		<T> T building(Supplier<T> build);

		/**
		 * Close the new units instead of switching them in.
		 */
		void discard();

	}

}
