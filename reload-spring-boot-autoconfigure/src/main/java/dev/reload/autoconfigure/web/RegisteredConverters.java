package dev.reload.autoconfigure.web;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import dev.reload.autoconfigure.scope.SpringInternals;

import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * The converters registered in a conversion service, read from its private fields:
 * {@link GenericConversionService} offers no public way to enumerate them, and a reload
 * must find those that hold a replaced bean. The fields are resolved when this class is
 * first used, so that a Spring Framework without them fails at start-up, naming them.
 *
 * @author reload-spring-boot
 */
public final class RegisteredConverters {

	private static final String WHY = "to find the converters that hold a rebuilt bean";

	private static final Field CONVERTERS = SpringInternals.field(GenericConversionService.class, "converters",
			Object.class, WHY);

	private static final Field CONVERTERS_BY_PAIR = SpringInternals.field(CONVERTERS.getType(), "converters", Map.class,
			WHY);

	private static final Field GLOBAL_CONVERTERS = SpringInternals.field(CONVERTERS.getType(), "globalConverters",
			Collection.class, WHY);

	private static final Field CONVERTERS_FOR_PAIR = SpringInternals
		.field(ClassUtils.resolveClassName(GenericConversionService.class.getName() + "$ConvertersForPair",
				GenericConversionService.class.getClassLoader()), "converters", Collection.class, WHY);

	private RegisteredConverters() {
	}

	/**
	 * Return the converters registered in a conversion service: the global ones, then
	 * those of each pair of types, each once.
	 * @param service the conversion service
	 * @return its converters, such as the adapters of the converter and formatter beans
	 */
	public static List<Object> of(GenericConversionService service) {
		Object registered = ReflectionUtils.getField(CONVERTERS, service);
		List<Object> converters = new ArrayList<>();
		for (Object converter : (Collection<?>) ReflectionUtils.getField(GLOBAL_CONVERTERS, registered)) {
			addOnce(converters, converter);
		}
		for (Object forPair : ((Map<?, ?>) ReflectionUtils.getField(CONVERTERS_BY_PAIR, registered)).values()) {
			for (Object converter : (Collection<?>) ReflectionUtils.getField(CONVERTERS_FOR_PAIR, forPair)) {
				addOnce(converters, converter);
			}
		}
		return converters;
	}

	private static void addOnce(List<Object> converters, Object converter) {
		for (Object existing : converters) {
			if (existing == converter) {
				return;
			}
		}
		converters.add(converter);
	}

}
