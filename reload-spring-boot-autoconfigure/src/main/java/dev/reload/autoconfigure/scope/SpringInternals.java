package dev.reload.autoconfigure.scope;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

import org.jspecify.annotations.Nullable;

import org.springframework.core.SpringVersion;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * The private fields and methods of Spring Framework that a reload must reach because no
 * public API does what it needs; each names why. A field that is gone fails loudly,
 * naming it, when the class that needs it is first used (and in
 * {@code SpringInternalsTests}), instead of leaving a rebuild half done.
 *
 * @author reload-spring-boot
 */
public final class SpringInternals {

	private SpringInternals() {
	}

	/**
	 * Return the named field, accessible.
	 * @param owner the class that declares it
	 * @param name the field's name
	 * @param type the field's type, or a supertype of it
	 * @param why what the field is needed for
	 * @return the field
	 * @throws IllegalStateException if the running Spring Framework has no such field
	 */
	public static Field field(Class<?> owner, String name, Class<?> type, String why) {
		Field field = ReflectionUtils.findField(owner, name);
		if (field == null || !type.isAssignableFrom(field.getType())) {
			throw new IllegalStateException("Spring Framework " + SpringVersion.getVersion() + " has no field "
					+ owner.getName() + "." + name + " of type " + type.getName() + ", which reload-spring-boot needs "
					+ why + "; this version of Spring Framework is not supported");
		}
		ReflectionUtils.makeAccessible(field);
		return field;
	}

	/**
	 * Return the named method without parameters, accessible.
	 * @param owner the class that declares it
	 * @param name the method's name
	 * @param why what the method is needed for
	 * @return the method
	 * @throws IllegalStateException if the running Spring Framework has no such method
	 */
	public static Method method(Class<?> owner, String name, String why) {
		Method method = ReflectionUtils.findMethod(owner, name);
		if (method == null) {
			throw new IllegalStateException("Spring Framework " + SpringVersion.getVersion() + " has no method "
					+ owner.getName() + "." + name + "(), which reload-spring-boot needs " + why
					+ "; this version of Spring Framework is not supported");
		}
		ReflectionUtils.makeAccessible(method);
		return method;
	}

	/**
	 * Return the named static field, accessible.
	 * @param className the class that declares it
	 * @param name the field's name
	 * @param why what the field is needed for
	 * @return the field
	 * @throws IllegalStateException if the running Spring Framework has no such field
	 */
	static Field staticField(String className, String name, String why) {
		Class<?> owner;
		try {
			owner = ClassUtils.forName(className, SpringInternals.class.getClassLoader());
		}
		catch (ClassNotFoundException | LinkageError ex) {
			throw new IllegalStateException("Spring Framework " + SpringVersion.getVersion() + " has no class "
					+ className + ", which reload-spring-boot needs " + why
					+ "; this version of Spring Framework is not supported", ex);
		}
		Field field = field(owner, name, Object.class, why);
		Assert.state(Modifier.isStatic(field.getModifiers()), () -> owner.getName() + "." + name + " is not static");
		return field;
	}

	@SuppressWarnings("unchecked")
	static <T> T get(Field field, @Nullable Object target) {
		return (T) ReflectionUtils.getField(field, target);
	}

}
