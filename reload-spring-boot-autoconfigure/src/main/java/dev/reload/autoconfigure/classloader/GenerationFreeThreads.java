package dev.reload.autoconfigure.classloader;

import java.security.AccessController;
import java.security.PrivilegedAction;

import org.springframework.util.Assert;

/**
 * Creates the starter's own threads so that none keeps a class loader generation alive
 * while it runs. A thread holds its context class loader, and, on a Java that still has
 * access control contexts (before 24), the protection domain of every class on the stack
 * of the thread that created it, which it passes on to every thread it creates in turn: a
 * thread created on a request, or by a restarted application's main thread, would keep
 * the generations of those classes, and of every earlier restart, for as long as it and
 * its descendants run.
 *
 * @author reload-spring-boot
 */
public final class GenerationFreeThreads {

	private GenerationFreeThreads() {
	}

	/**
	 * Create a thread, not started.
	 * @param name the thread's name
	 * @param daemon whether it is a daemon thread
	 * @param contextClassLoader its context class loader, which must not be a generation
	 * loader that a reload may replace
	 * @param task what it runs
	 * @return the thread
	 */
	@SuppressWarnings("removal")
	public static Thread create(String name, boolean daemon, ClassLoader contextClassLoader, Runnable task) {
		Assert.hasText(name, "'name' must not be empty");
		Assert.notNull(contextClassLoader, "'contextClassLoader' must not be null");
		Assert.notNull(task, "'task' must not be null");
		// a privileged action ends the stack walk at this frame: the new thread inherits
		// no protection domain of the caller's stack, nor the caller's inherited ones
		Thread thread = AccessController.doPrivileged((PrivilegedAction<Thread>) () -> new Thread(task, name));
		thread.setDaemon(daemon);
		thread.setContextClassLoader(contextClassLoader);
		return thread;
	}

}
