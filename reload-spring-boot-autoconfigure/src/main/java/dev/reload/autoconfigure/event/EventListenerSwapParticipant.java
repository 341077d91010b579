package dev.reload.autoconfigure.event;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.reload.BeanSwap;
import dev.reload.BeanSwapParticipant;

import org.springframework.aop.support.AopUtils;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ApplicationEventMulticaster;
import org.springframework.context.event.ApplicationListenerMethodAdapter;
import org.springframework.context.event.EventListener;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * Moves the {@code @EventListener} methods of rebuilt beans to the new classes: the
 * listeners Spring registered for the old class call its methods on whatever instance the
 * bean name gives, which after a switch is an instance of the new class.
 *
 * @author reload-spring-boot
 */
public final class EventListenerSwapParticipant implements BeanSwapParticipant, Ordered {

	private static final String TRANSACTIONAL_EVENT_LISTENER = "org.springframework.transaction.event.TransactionalEventListener";

	private final ConfigurableApplicationContext context;

	private final ApplicationEventMulticaster multicaster;

	/**
	 * Create an instance.
	 * @param context the application context
	 * @param multicaster the context's event multicaster
	 */
	public EventListenerSwapParticipant(ConfigurableApplicationContext context,
			ApplicationEventMulticaster multicaster) {
		this.context = context;
		this.multicaster = multicaster;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 10;
	}

	@Override
	public Switch prepare(List<BeanSwap> swaps) {
		Set<Class<?>> previousTypes = new HashSet<>();
		List<ApplicationListener<?>> added = new ArrayList<>();
		for (BeanSwap swap : swaps) {
			if (swap.previous() != null) {
				previousTypes.add(ClassUtils.getUserClass(swap.previous()));
			}
			if (swap.next() != null) {
				added.addAll(listenersOf(swap.beanName(), swap.next()));
			}
		}
		return new Switch() {

			private final List<ApplicationListener<?>> removed = new ArrayList<>();

			@Override
			public void apply() {
				ConfigurableApplicationContext context = EventListenerSwapParticipant.this.context;
				// the context keeps its own set of listeners besides the multicaster's
				if (context instanceof AbstractApplicationContext withListeners) {
					new ArrayList<>(withListeners.getApplicationListeners()).stream()
						.filter((listener) -> isMethodOf(listener, previousTypes))
						.forEach((listener) -> {
							this.removed.add(listener);
							context.removeApplicationListener(listener);
						});
				}
				EventListenerSwapParticipant.this.multicaster
					.removeApplicationListeners((listener) -> isMethodOf(listener, previousTypes));
				added.forEach(context::addApplicationListener);
			}

			@Override
			public void undo() {
				added.forEach(EventListenerSwapParticipant.this.context::removeApplicationListener);
				this.removed.forEach(EventListenerSwapParticipant.this.context::addApplicationListener);
			}

		};
	}

	private static boolean isMethodOf(ApplicationListener<?> listener, Set<Class<?>> types) {
		return listener instanceof ApplicationListenerMethodAdapter adapter
				&& types.contains(adapter.getTargetMethod().getDeclaringClass());
	}

	private List<ApplicationListener<?>> listenersOf(String beanName, Object bean) {
		Class<?> targetType = AopUtils.getTargetClass(bean);
		Map<Method, EventListener> methods = MethodIntrospector.selectMethods(targetType,
				(MethodIntrospector.MetadataLookup<EventListener>) (method) -> AnnotatedElementUtils
					.findMergedAnnotation(method, EventListener.class));
		List<ApplicationListener<?>> listeners = new ArrayList<>();
		methods.forEach((method, annotation) -> {
			if (StringUtils.hasText(annotation.condition())
					|| AnnotatedElementUtils.isAnnotated(method, TRANSACTIONAL_EVENT_LISTENER)) {
				// Spring's processor alone can set up conditions and transactional phases
				throw new IllegalStateException("@EventListener method " + method.toGenericString()
						+ " has a condition or a transactional phase, which a reload cannot register; "
						+ "it needs a restart");
			}
			Method invocable = AopUtils.selectInvocableMethod(method, bean.getClass());
			listeners.add(new ReloadedListenerMethod(beanName, targetType, invocable, this.context));
		});
		return listeners;
	}

}
