package dev.reload.autoconfigure.event;

import java.lang.reflect.Method;
import java.util.Collection;
import java.util.concurrent.CompletionStage;

import org.springframework.context.ApplicationContext;
import org.springframework.context.event.ApplicationListenerMethodAdapter;
import org.springframework.util.ObjectUtils;

/**
 * An {@code @EventListener} method of a rebuilt bean. Spring's own adapter gets its
 * context through a method only Spring's processor can call; this one is given it.
 *
 * @author reload-spring-boot
 */
final class ReloadedListenerMethod extends ApplicationListenerMethodAdapter {

	private final String beanName;

	private final ApplicationContext context;

	ReloadedListenerMethod(String beanName, Class<?> targetClass, Method method, ApplicationContext context) {
		super(beanName, targetClass, method);
		this.beanName = beanName;
		this.context = context;
	}

	@Override
	protected Object getTargetBean() {
		return this.context.getBean(this.beanName);
	}

	@Override
	protected void handleResult(Object result) {
		if (result instanceof CompletionStage<?> stage) {
			stage.whenComplete((value, failure) -> {
				if (failure != null) {
					handleAsyncError(failure);
				}
				else if (value != null) {
					publish(value);
				}
			});
		}
		else {
			publish(result);
		}
	}

	private void publish(Object result) {
		if (result.getClass().isArray()) {
			for (Object event : ObjectUtils.toObjectArray(result)) {
				publishOne(event);
			}
		}
		else if (result instanceof Collection<?> events) {
			events.forEach(this::publishOne);
		}
		else {
			publishOne(result);
		}
	}

	private void publishOne(Object event) {
		if (event != null) {
			this.context.publishEvent(event);
		}
	}

}
