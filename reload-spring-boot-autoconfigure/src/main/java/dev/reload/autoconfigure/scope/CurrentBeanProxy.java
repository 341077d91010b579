package dev.reload.autoconfigure.scope;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.util.ReflectionUtils;

/**
 * A proxy of a stable interface that forwards every call to the current instance of a
 * reloadable bean, so that a consumer built once keeps reaching the newest
 * implementation. Proxying by interface matters: a class-based proxy of generation 0
 * could never forward to an instance of generation 1.
 *
 * @author reload-spring-boot
 */
final class CurrentBeanProxy implements InvocationHandler {

	private final String beanName;

	private final BeanFactory beanFactory;

	private CurrentBeanProxy(String beanName, BeanFactory beanFactory) {
		this.beanName = beanName;
		this.beanFactory = beanFactory;
	}

	static Object create(Class<?> type, String beanName, BeanFactory beanFactory) {
		return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type },
				new CurrentBeanProxy(beanName, beanFactory));
	}

	@Override
	public @Nullable Object invoke(Object proxy, Method method, @Nullable Object[] args) throws Throwable {
		if (method.getDeclaringClass() == Object.class) {
			switch (method.getName()) {
				case "equals":
					return proxy == args[0];
				case "hashCode":
					return System.identityHashCode(proxy);
				case "toString":
					return "Reloadable proxy of bean '" + this.beanName + "': " + target();
				default:
			}
		}
		try {
			ReflectionUtils.makeAccessible(method);
			return method.invoke(target(), args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getTargetException();
		}
	}

	private Object target() {
		// the singleton the registry holds now: a reload replaces it there
		return this.beanFactory.getBean(this.beanName);
	}

}
