package dev.reload.autoconfigure.scope;

import java.lang.reflect.Method;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Empties the caches of the application's Jackson mappers: their type factory, and the
 * serializers and deserializers they made, keep every class they wrote or read as JSON (a
 * controller's record of a replaced generation) for the life of the mapper. Jackson 3's
 * public {@code ObjectMapper.clearCaches()} does it; the mapper fills them again at its
 * next use.
 *
 * @author reload-spring-boot
 */
final class JacksonCaches {

	private static final String OBJECT_MAPPER = "tools.jackson.databind.ObjectMapper";

	private final @Nullable Class<?> mapperType;

	private final @Nullable Method clearCaches;

	JacksonCaches(@Nullable ClassLoader classLoader) {
		Class<?> type = ClassUtils.isPresent(OBJECT_MAPPER, classLoader)
				? ClassUtils.resolveClassName(OBJECT_MAPPER, classLoader) : null;
		this.mapperType = type;
		this.clearCaches = (type != null) ? ReflectionUtils.findMethod(type, "clearCaches") : null;
	}

	/**
	 * Empty the caches of every Jackson mapper among the singletons of a bean factory.
	 * @param beanFactory the bean factory
	 */
	void clear(DefaultListableBeanFactory beanFactory) {
		Class<?> type = this.mapperType;
		Method clearCaches = this.clearCaches;
		if (type == null || clearCaches == null) {
			return;
		}
		for (String name : beanFactory.getBeanNamesForType(type, false, false)) {
			Object mapper = beanFactory.getSingleton(name);
			if (type.isInstance(mapper)) {
				ReflectionUtils.invokeMethod(clearCaches, mapper);
			}
		}
	}

}
