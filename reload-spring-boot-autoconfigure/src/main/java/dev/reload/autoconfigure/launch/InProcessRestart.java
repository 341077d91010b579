package dev.reload.autoconfigure.launch;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.reload.ReloadReport;
import dev.reload.autoconfigure.change.ClassFileIndex;
import dev.reload.autoconfigure.change.StartupResources;
import dev.reload.autoconfigure.classloader.ClassDirectories;
import dev.reload.autoconfigure.classloader.ClassGenerations;
import dev.reload.autoconfigure.classloader.GenerationFreeThreads;
import dev.reload.autoconfigure.engine.ApplicationRestart;
import dev.reload.autoconfigure.scope.StaleClassCaches;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.Assert;

/**
 * Restarts a relaunched application in-process, as DevTools' {@code Restarter} does: the
 * context is closed, a fresh generation 0 is defined from the class files on disk, and
 * {@code main} runs again from it, on a thread of its own, with the arguments of the
 * first run and the port the web server had, so that clients find it where it was.
 *
 * @author reload-spring-boot
 */
public final class InProcessRestart implements ApplicationRestart {

	private static final Log logger = LogFactory.getLog(InProcessRestart.class);

	private final ConfigurableApplicationContext context;

	private final ClassGenerations generations;

	/**
	 * Create an instance.
	 * @param context the application's context
	 * @param generations the class generations it runs from
	 */
	public InProcessRestart(ConfigurableApplicationContext context, ClassGenerations generations) {
		Assert.notNull(context, "'context' must not be null");
		Assert.notNull(generations, "'generations' must not be null");
		this.context = context;
		this.generations = generations;
	}

	@Override
	public boolean isAvailable() {
		// only the relaunched application: its main can run again from a fresh generation
		RelaunchedApplication application = RelaunchedApplication.current();
		return application != null && application.generations() == this.generations;
	}

	@Override
	public void restart(List<ReloadReport> history) {
		RelaunchedApplication application = RelaunchedApplication.current();
		Assert.state(application != null && application.generations() == this.generations,
				"Only a relaunched application can be restarted in-process");
		List<String> args = withPort(application.args(), port());
		// a non-daemon thread keeps the JVM up between the two contexts; created on a
		// request of the old context, it must not pass that context's generations on to
		// the threads of the new one
		Thread thread = GenerationFreeThreads.create("restartedMain", false,
				application.generations().applicationClassLoader().getParent(), () -> run(application, args, history));
		thread.start();
	}

	private void run(RelaunchedApplication application, List<String> args, List<ReloadReport> history) {
		long start = System.nanoTime();
		// requests in flight complete: the web server shuts down as configured
		this.context.close();
		ClassGenerations previous = application.generations();
		// nothing runs the closed application's code again; Spring's static caches
		// would keep its classes
		StaleClassCaches.evictAll(previous);
		previous.retire();
		ClassDirectories directories = previous.directories();
		ClassLoader parent = previous.applicationClassLoader().getParent();
		NextBuild nextBuild = new NextBuild(directories.roots());
		// as DevTools' restarts and Quarkus' dev mode, the JVM stays up when the new code
		// does not start, and the next build starts it again: never a manual restart
		nextBuild.mark();
		while (!start(application, directories, parent, args, history, start)) {
			try {
				nextBuild.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			start = System.nanoTime();
			nextBuild.mark();
		}
	}

	/**
	 * Run {@code main} from a fresh generation 0 of the class files on disk.
	 * @return whether the application started
	 */
	private boolean start(RelaunchedApplication application, ClassDirectories directories, ClassLoader parent,
			List<String> args, List<ReloadReport> history, long start) {
		ClassFileIndex index = new ClassFileIndex(directories, Map.of());
		ClassGenerations generations = new ClassGenerations(directories, index.takeInitialClassFiles(), parent,
				(name) -> false);
		// before main reads them: a build that writes them while it starts is a change
		RelaunchedApplication restarted = new RelaunchedApplication(generations, index, application.mainClassName(),
				application.args(), history, StartupResources.read(directories.roots()));
		RelaunchedApplication.set(restarted);
		Thread.currentThread().setContextClassLoader(generations.applicationClassLoader());
		String problem;
		try {
			Class<?> mainClass = Class.forName(application.mainClassName(), false,
					generations.applicationClassLoader());
			Method main = mainClass.getDeclaredMethod("main", String[].class);
			main.setAccessible(true);
			main.invoke(null, (Object) args.toArray(String[]::new));
			logger.info("Restarted " + application.mainClassName() + " in " + (System.nanoTime() - start) / 1_000_000
					+ " ms, from generation 0 of " + directories.roots());
			return true;
		}
		catch (InvocationTargetException ex) {
			// Spring Boot has reported why it did not start
			problem = "The restarted application did not start (" + ex.getTargetException() + ")";
		}
		catch (ReflectiveOperationException | LinkageError ex) {
			logger.debug("Could not run the main method of " + application.mainClassName(), ex);
			problem = "Could not restart " + application.mainClassName() + " (" + ex + ")";
		}
		logger
			.error(problem + "; fix the code and compile it: it starts again once " + directories.roots() + " change");
		// the failed start's classes are not used again
		StaleClassCaches.evictAll(generations);
		return false;
	}

	private @Nullable Integer port() {
		// what Spring Boot publishes once the web server listens
		Integer port = this.context.getEnvironment().getProperty("local.server.port", Integer.class);
		return (port != null && port > 0) ? port : null;
	}

	/**
	 * Return the arguments with the web server's port, so that a restart with
	 * {@code --server.port=0} comes back where clients found it.
	 */
	static List<String> withPort(List<String> args, @Nullable Integer port) {
		List<String> all = new ArrayList<>();
		for (String arg : args) {
			if (port == null || !arg.startsWith("--server.port=")) {
				all.add(arg);
			}
		}
		if (port != null) {
			all.add("--server.port=" + port);
		}
		return all;
	}

}
