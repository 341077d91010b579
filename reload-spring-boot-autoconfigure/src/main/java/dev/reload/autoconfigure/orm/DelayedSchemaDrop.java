package dev.reload.autoconfigure.orm;

import java.util.concurrent.atomic.AtomicReference;

import org.hibernate.SessionFactory;
import org.hibernate.SessionFactoryObserver;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.tool.schema.spi.DelayedDropAction;
import org.jspecify.annotations.Nullable;

/**
 * The schema drop that {@code create-drop} registers to run when the session factory that
 * created the schema closes, handed over to the one that replaces it: closing a replaced
 * unit must not drop the tables the application goes on using, and the application's
 * shutdown still drops them.
 *
 * @author reload-spring-boot
 */
final class DelayedSchemaDrop implements SessionFactoryObserver {

	private final AtomicReference<@Nullable DelayedDropAction> action;

	private DelayedSchemaDrop(DelayedDropAction action) {
		this.action = new AtomicReference<>(action);
	}

	/**
	 * Take the schema drop from one session factory, which then closes without it, and
	 * give it to another.
	 * @param from the session factory being replaced
	 * @param to the one that replaces it
	 */
	static void handOver(SessionFactoryImplementor from, SessionFactoryImplementor to) {
		DelayedDropAction action = HibernateInternals.takeDelayedDrop(from);
		if (action != null) {
			to.addObserver(new DelayedSchemaDrop(action));
		}
	}

	/**
	 * Take the schema drop this observer holds, if it still holds it.
	 * @return the drop, or {@code null}
	 */
	@Nullable DelayedDropAction take() {
		return this.action.getAndSet(null);
	}

	@Override
	public void sessionFactoryClosing(SessionFactory factory) {
		DelayedDropAction drop = take();
		if (drop != null) {
			drop.perform(((SessionFactoryImplementor) factory).getServiceRegistry());
		}
	}

}
