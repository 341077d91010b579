package dev.reload.autoconfigure.launch;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.SpringApplication.AbandonedRunException;
import org.springframework.util.Assert;

/**
 * Runs the application's {@code main} method again, on the same thread, with its class
 * loaded from the reloadable class loader, so that the whole application, main class
 * included, is defined by generation 0 (DevTools' {@code Restarter} does the same in a
 * thread of its own). The first run ends without being reported: it has loaded nothing of
 * the application but its main class, which is never used again.
 * <p>
 * To the JVM the relaunched run is indistinguishable from the first: the thread is still
 * {@code main}; once the relaunched {@code main} returns, the thread waits for the other
 * non-daemon threads, as the JVM does after {@code main}, and exits with status 0; if it
 * throws, the thread ends with that exception, which Spring Boot has already reported.
 *
 * @author reload-spring-boot
 */
public final class MainRelauncher {

	private MainRelauncher() {
	}

	/**
	 * Run {@code main} again from the given class loader; it does not return.
	 * @param main the main method of the first run
	 * @param args the arguments it was given
	 * @param classLoader the class loader to load the main class from
	 * @return never returns normally
	 * @throws AbandonedRunException to end the first run once the relaunched one failed
	 */
	public static RuntimeException relaunch(Method main, String[] args, ClassLoader classLoader) {
		Assert.notNull(main, "'main' must not be null");
		Method relaunched = relaunchedMain(main, classLoader);
		Thread thread = Thread.currentThread();
		thread.setContextClassLoader(classLoader);
		try {
			relaunched.invoke(null, (Object) args);
		}
		catch (InvocationTargetException ex) {
			throw abandon(thread, ex.getTargetException());
		}
		catch (IllegalAccessException ex) {
			throw new IllegalStateException("Could not relaunch " + main + " from the reloadable class loader", ex);
		}
		awaitOtherNonDaemonThreads(thread);
		System.exit(0);
		throw new IllegalStateException("System.exit returned");
	}

	private static Method relaunchedMain(Method main, ClassLoader classLoader) {
		try {
			Class<?> mainClass = Class.forName(main.getDeclaringClass().getName(), false, classLoader);
			Method method = mainClass.getDeclaredMethod("main", String[].class);
			method.setAccessible(true);
			return method;
		}
		catch (ReflectiveOperationException | LinkageError ex) {
			throw new IllegalStateException("Could not load " + main.getDeclaringClass().getName()
					+ " from the reloadable class loader to relaunch it", ex);
		}
	}

	private static AbandonedRunException abandon(Thread thread, Throwable failure) {
		// the thread ends with the relaunched run's own failure, as it would have without
		// the relaunch: Spring Boot's handler on it knows that failure as reported
		Thread.UncaughtExceptionHandler previous = thread.getUncaughtExceptionHandler();
		thread.setUncaughtExceptionHandler((failed, ex) -> previous.uncaughtException(failed, unwrap(ex, failure)));
		AbandonedRunException abandoned = new AbandonedRunException();
		abandoned.initCause(failure);
		return abandoned;
	}

	private static Throwable unwrap(Throwable ex, Throwable failure) {
		return (ex instanceof AbandonedRunException && ex.getCause() == failure) ? failure : ex;
	}

	private static void awaitOtherNonDaemonThreads(Thread current) {
		try {
			for (Thread other = otherNonDaemonThread(current); other != null; other = otherNonDaemonThread(current)) {
				other.join();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static @Nullable Thread otherNonDaemonThread(Thread current) {
		for (Thread thread : Thread.getAllStackTraces().keySet()) {
			if (thread != current && thread.isAlive() && !thread.isDaemon()) {
				return thread;
			}
		}
		return null;
	}

}
