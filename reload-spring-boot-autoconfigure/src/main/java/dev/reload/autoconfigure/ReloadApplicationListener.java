package dev.reload.autoconfigure;

import java.io.File;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.reload.autoconfigure.change.ClassFileIndex;
import dev.reload.autoconfigure.change.StartupResources;
import dev.reload.autoconfigure.classloader.ClassDirectories;
import dev.reload.autoconfigure.classloader.ClassGenerations;
import dev.reload.autoconfigure.launch.MainMethod;
import dev.reload.autoconfigure.launch.MainRelauncher;
import dev.reload.autoconfigure.launch.RelaunchedApplication;
import dev.reload.autoconfigure.modules.ModulePattern;
import dev.reload.autoconfigure.modules.PackagedClassFiles;
import dev.reload.autoconfigure.scope.ReloadScope;
import dev.reload.autoconfigure.scope.ReloadScopeConfigurer;
import dev.reload.autoconfigure.scope.ReloadableBeans;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.aot.AotDetector;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationContextInitializedEvent;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.SmartApplicationListener;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.NativeDetector;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Puts the application's classes into a reloadable class loader before any of them is
 * loaded. When the application was started through its {@code main} method from a reload
 * directory, that method is run again from generation 0 as soon as the environment is
 * known ({@link ApplicationEnvironmentPreparedEvent}), so the whole application, main
 * class included, has one definition per class. Otherwise (a test framework, a packaged
 * application patched through an overlay directory), the context gets a
 * {@link ClassGenerations#applicationClassLoader() class loader} once it exists, and the
 * classes the application class loader has already loaded (the main class and what it
 * refers to) stay with it.
 *
 * @author reload-spring-boot
 */
public class ReloadApplicationListener implements SmartApplicationListener {

	private static final Log logger = LogFactory.getLog(ReloadApplicationListener.class);

	private static final String DEVTOOLS_RESTART_CLASS_LOADER = "org.springframework.boot.devtools.restart.classloader.RestartClassLoader";

	/** Set by Spring's AOT processor while it runs the application to process it. */
	private static final String AOT_PROCESSING = "spring.aot.processing";

	@Override
	public int getOrder() {
		// after the config data files are read, before the logging system starts
		return Ordered.HIGHEST_PRECEDENCE + 15;
	}

	@Override
	public boolean supportsEventType(Class<? extends ApplicationEvent> eventType) {
		return ApplicationEnvironmentPreparedEvent.class.isAssignableFrom(eventType)
				|| ApplicationContextInitializedEvent.class.isAssignableFrom(eventType);
	}

	@Override
	public void onApplicationEvent(ApplicationEvent event) {
		if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
			onEnvironmentPrepared(prepared);
		}
		else if (event instanceof ApplicationContextInitializedEvent initialized) {
			onContextInitialized(initialized);
		}
	}

	private void onEnvironmentPrepared(ApplicationEnvironmentPreparedEvent event) {
		if (RelaunchedApplication.current() != null) {
			// the relaunched run: an application under development, from class
			// directories
			ReloadProperties properties = bind(event.getEnvironment());
			if (properties.isEnabled() && properties.isAddProperties()) {
				DevelopmentProperties.addTo(event.getEnvironment());
			}
			return;
		}
		ReloadProperties properties = bind(event.getEnvironment());
		if (reasonToStayOff(Thread.currentThread().getContextClassLoader(), properties) != null) {
			return;
		}
		Method main = MainMethod.find();
		List<Path> roots = roots(properties);
		if (main == null || !isIn(main.getDeclaringClass(), roots)) {
			return;
		}
		ClassDirectories directories = new ClassDirectories(roots, resourceRoots(roots));
		ClassFileIndex index = new ClassFileIndex(directories, Map.of());
		ClassLoader parent = main.getDeclaringClass().getClassLoader();
		ClassGenerations generations = new ClassGenerations(directories, index.takeInitialClassFiles(), parent,
				(name) -> false);
		RelaunchedApplication.set(new RelaunchedApplication(generations, index, main.getDeclaringClass().getName(),
				List.of(event.getArgs()), List.of(),
				(properties.getRestart() == ReloadProperties.Restart.AUTO) ? StartupResources.read(roots) : Map.of()));
		throw MainRelauncher.relaunch(main, event.getArgs(), generations.applicationClassLoader());
	}

	private void onContextInitialized(ApplicationContextInitializedEvent event) {
		ConfigurableApplicationContext context = event.getApplicationContext();
		UnknownReloadProperties.find(context.getEnvironment()).forEach(logger::warn);
		ReloadProperties properties = bind(context.getEnvironment());
		RelaunchedApplication relaunched = RelaunchedApplication.current();
		if (relaunched != null && relaunched.owns(context.getClassLoader())) {
			if (!properties.isEnabled()) {
				return;
			}
			install((GenericApplicationContext) context, relaunched.generations(), relaunched.index());
			logger.info("Class reloading is on for " + relaunched.generations().directories().roots() + "; "
					+ relaunched.mainClassName() + " was relaunched from the reloadable class loader");
			return;
		}
		String off = reasonToStayOff(context.getClassLoader(), properties);
		if (off == null && !(context instanceof GenericApplicationContext)) {
			off = "the application context " + context.getClass().getName() + " is not a GenericApplicationContext";
		}
		List<Path> roots = roots(properties);
		List<Path> classpath = classpathDirectories();
		List<Path> onClasspath = roots.stream().filter(classpath::contains).toList();
		if (off == null && !onClasspath.isEmpty()) {
			// the application class loader would define these classes too: two per name
			String reason = onClasspath + " are on the application class path, and the application was not "
					+ "started by its main method (a test framework or another launcher started it), so the "
					+ "application class loader loads their classes too; reloading them would give each class "
					+ "name two classes";
			if (!properties.getDirectories().isEmpty()) {
				throw new IllegalStateException("Cannot reload: " + reason + ". Point reload.directories at "
						+ "directories that are not on the class path (a copy of the classes), or leave it unset "
						+ "to run without reloading");
			}
			off = reason;
		}
		if (off != null) {
			logger.info("Class reloading is off: " + off);
			return;
		}
		GenericApplicationContext generic = (GenericApplicationContext) context;
		ClassDirectories directories = new ClassDirectories(roots, resourceRoots(roots));
		ClassFileIndex index = new ClassFileIndex(directories, packagedClassFiles(context, properties, roots));
		Set<String> pinned = index.referenceClosure(startupClassNames(event.getSpringApplication()));
		ClassGenerations generations = new ClassGenerations(directories, index.takeInitialClassFiles(),
				context.getClassLoader(), pinned::contains);
		generic.setClassLoader(generations.applicationClassLoader());
		install(generic, generations, index);
		logger.info("Class reloading is on for " + roots + ((pinned.isEmpty()) ? ""
				: "; " + pinned + " stay loaded by the application class loader (a change needs a restart)"));
	}

	private static void install(GenericApplicationContext context, ClassGenerations generations, ClassFileIndex index) {
		ReloadScope scope = new ReloadScope();
		ReloadableBeans beans = new ReloadableBeans(generations);
		context.getBeanFactory().registerSingleton("reloadClassGenerations", generations);
		context.getBeanFactory().registerSingleton("reloadClassFileIndex", index);
		context.getBeanFactory().registerSingleton("reloadScope", scope);
		context.getBeanFactory().registerSingleton("reloadableBeans", beans);
		context.addBeanFactoryPostProcessor(new ReloadScopeConfigurer(scope, beans));
		for (Path root : generations.directories().roots()) {
			if (!Files.isDirectory(root)) {
				logger.warn("Reload directory " + root + " does not exist");
			}
		}
	}

	private static ReloadProperties bind(Environment environment) {
		return Binder.get(environment)
			.bind(ReloadProperties.PREFIX, ReloadProperties.class)
			.orElseGet(ReloadProperties::new);
	}

	private static boolean isIn(Class<?> type, List<Path> roots) {
		String file = type.getName().replace('.', '/') + ".class";
		return roots.stream().anyMatch((root) -> Files.isRegularFile(root.resolve(file)));
	}

	private static List<Path> resourceRoots(List<Path> roots) {
		List<Path> resourceRoots = new ArrayList<>(roots);
		resourceRoots.removeAll(classpathDirectories());
		return resourceRoots;
	}

	private static Map<String, byte[]> packagedClassFiles(ConfigurableApplicationContext context,
			ReloadProperties properties, List<Path> roots) {
		if (properties.getDirectories().isEmpty() || properties.getModules().isEmpty()) {
			return Map.of();
		}
		List<ModulePattern> patterns = new ArrayList<>();
		for (String module : properties.getModules()) {
			try {
				patterns.add(ModulePattern.parse(module));
			}
			catch (IllegalArgumentException ex) {
				// the auto-configuration fails start-up with a message naming it
				return Map.of();
			}
		}
		ClassLoader classLoader = context.getClassLoader();
		return (classLoader != null) ? PackagedClassFiles.find(classLoader, patterns, roots) : Map.of();
	}

	private static @Nullable String reasonToStayOff(@Nullable ClassLoader classLoader, ReloadProperties properties) {
		if (!properties.isEnabled()) {
			return "reload.enabled is false";
		}
		if (NativeDetector.inNativeImage()) {
			return "classes cannot be reloaded in a native image";
		}
		if (AotDetector.useGeneratedArtifacts()) {
			return "the context was processed ahead of time";
		}
		if (Boolean.getBoolean(AOT_PROCESSING)) {
			return "the application is being processed ahead of time";
		}
		if (isDevToolsRestartClassLoader(classLoader)) {
			return "Spring Boot DevTools restarts this application (its restart class loader is in use); "
					+ "set spring.devtools.restart.enabled=false to reload classes with reload-spring-boot instead";
		}
		if (properties.getDirectories().isEmpty() && launchedByTestFramework()) {
			return "running under a test framework; set reload.directories to reload in tests";
		}
		if (roots(properties).isEmpty()) {
			return "no class directories on the classpath (classes from jars are never reloaded); "
					+ "set reload.directories";
		}
		return null;
	}

	private static boolean isDevToolsRestartClassLoader(@Nullable ClassLoader classLoader) {
		for (ClassLoader candidate = classLoader; candidate != null; candidate = candidate.getParent()) {
			if (candidate.getClass().getName().equals(DEVTOOLS_RESTART_CLASS_LOADER)) {
				return true;
			}
		}
		return false;
	}

	private static List<Path> roots(ReloadProperties properties) {
		if (!properties.getDirectories().isEmpty()) {
			return properties.resolvedDirectories();
		}
		List<Path> roots = classpathDirectories();
		Path own = ownLocation();
		roots.removeIf((root) -> root.equals(own));
		return roots;
	}

	private static List<Path> classpathDirectories() {
		List<Path> directories = new ArrayList<>();
		for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
			if (!entry.isEmpty()) {
				Path path = Path.of(entry).toAbsolutePath().normalize();
				if (Files.isDirectory(path)) {
					directories.add(path);
				}
			}
		}
		return directories;
	}

	private static @Nullable Path ownLocation() {
		CodeSource source = ReloadApplicationListener.class.getProtectionDomain().getCodeSource();
		try {
			return (source != null) ? Path.of(source.getLocation().toURI()).toAbsolutePath().normalize() : null;
		}
		catch (URISyntaxException | IllegalArgumentException ex) {
			return null;
		}
	}

	private static Set<String> startupClassNames(SpringApplication application) {
		Set<String> names = new LinkedHashSet<>();
		if (application.getMainApplicationClass() != null) {
			names.add(application.getMainApplicationClass().getName());
		}
		for (Object source : application.getAllSources()) {
			if (source instanceof Class<?> type) {
				names.add(type.getName());
			}
		}
		return names;
	}

	private static boolean launchedByTestFramework() {
		for (StackTraceElement element : new Throwable().getStackTrace()) {
			String name = element.getClassName();
			if (name.startsWith("org.junit.") || name.startsWith("org.testng.")
					|| name.startsWith("org.springframework.boot.test.")) {
				return true;
			}
		}
		return false;
	}

}
