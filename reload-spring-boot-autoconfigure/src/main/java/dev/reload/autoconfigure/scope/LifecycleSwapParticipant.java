package dev.reload.autoconfigure.scope;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.reload.BeanSwap;
import dev.reload.BeanSwapParticipant;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.Lifecycle;
import org.springframework.context.Phased;
import org.springframework.context.SmartLifecycle;
import org.springframework.util.Assert;

/**
 * Hands the running state of a rebuilt {@link Lifecycle} bean over to its new instance at
 * the switch: the replaced instances that were running are stopped, highest phase first,
 * as the context stops them, then the new ones started, lowest phase first, as it starts
 * them; a {@link SmartLifecycle} added by a reload is started if it starts automatically.
 * A failed switch stops what was started and starts again what was stopped.
 *
 * @author reload-spring-boot
 */
public final class LifecycleSwapParticipant implements BeanSwapParticipant {

	private final ConfigurableApplicationContext context;

	/**
	 * Create an instance.
	 * @param context the application context, whose running state new beans follow
	 */
	public LifecycleSwapParticipant(ConfigurableApplicationContext context) {
		Assert.notNull(context, "'context' must not be null");
		this.context = context;
	}

	@Override
	public Switch prepare(List<BeanSwap> swaps) {
		List<Lifecycle> toStop = new ArrayList<>();
		List<Lifecycle> toStart = new ArrayList<>();
		for (BeanSwap swap : swaps) {
			boolean wasRunning = swap.previous() instanceof Lifecycle previous && previous.isRunning();
			if (wasRunning) {
				toStop.add((Lifecycle) swap.previous());
			}
			if (swap.next() instanceof Lifecycle next && (wasRunning || (swap.previous() == null
					&& next instanceof SmartLifecycle smart && smart.isAutoStartup() && this.context.isRunning()))) {
				toStart.add(next);
			}
		}
		toStop.sort(Comparator.comparingInt(LifecycleSwapParticipant::phase).reversed());
		toStart.sort(Comparator.comparingInt(LifecycleSwapParticipant::phase));
		return new Switch() {

			private final List<Lifecycle> stopped = new ArrayList<>();

			private final List<Lifecycle> started = new ArrayList<>();

			@Override
			public void apply() {
				for (Lifecycle lifecycle : toStop) {
					lifecycle.stop();
					this.stopped.add(lifecycle);
				}
				for (Lifecycle lifecycle : toStart) {
					lifecycle.start();
					this.started.add(lifecycle);
				}
			}

			@Override
			public void undo() {
				for (int i = this.started.size() - 1; i >= 0; i--) {
					this.started.get(i).stop();
				}
				for (int i = this.stopped.size() - 1; i >= 0; i--) {
					this.stopped.get(i).start();
				}
			}

		};
	}

	private static int phase(Lifecycle lifecycle) {
		return (lifecycle instanceof Phased phased) ? phased.getPhase() : 0;
	}

}
