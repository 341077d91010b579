package dev.reload.autoconfigure.launch;

import java.lang.StackWalker.Option;
import java.lang.StackWalker.StackFrame;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The {@code main} method that started the application on the current thread: the
 * innermost static {@code main(String[])} on its stack, as Spring Boot deduces the main
 * application class and DevTools finds the method it relaunches. An IDE's or a launcher's
 * own {@code main} further out is left behind.
 *
 * @author reload-spring-boot
 */
public final class MainMethod {

	private MainMethod() {
	}

	/**
	 * Return the main method running on the current thread.
	 * @return the method, or {@code null} if the thread was not started through one
	 */
	public static @Nullable Method find() {
		Optional<Method> found = StackWalker.getInstance(Option.RETAIN_CLASS_REFERENCE)
			.walk((frames) -> frames.filter((frame) -> "main".equals(frame.getMethodName()))
				.map(MainMethod::staticMain)
				.filter((method) -> method != null)
				.findFirst());
		return found.orElse(null);
	}

	private static @Nullable Method staticMain(StackFrame frame) {
		try {
			Method method = frame.getDeclaringClass().getDeclaredMethod("main", String[].class);
			return Modifier.isStatic(method.getModifiers()) ? method : null;
		}
		catch (NoSuchMethodException ex) {
			return null;
		}
	}

}
