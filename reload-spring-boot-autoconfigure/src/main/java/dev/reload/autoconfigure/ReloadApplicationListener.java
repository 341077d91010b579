package dev.reload.autoconfigure;

import java.io.File;
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
import dev.reload.autoconfigure.classloader.ClassDirectories;
import dev.reload.autoconfigure.classloader.ClassGenerations;
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
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.NativeDetector;
import org.springframework.core.Ordered;

/**
 * Puts the application's classes into a reloadable class loader before any of them is
 * loaded: once the context exists and before its bean definitions are loaded, it gives
 * the context a {@link ClassGenerations#applicationClassLoader() class loader} that loads
 * every class under the reload directories through a generation that a reload can
 * replace. The classes the application class loader has already loaded (the main class
 * and what it refers to) stay with it.
 *
 * @author reload-spring-boot
 */
public class ReloadApplicationListener implements ApplicationListener<ApplicationContextInitializedEvent>, Ordered {

	private static final Log logger = LogFactory.getLog(ReloadApplicationListener.class);

	private static final String DEVTOOLS_RESTART_CLASS_LOADER = "org.springframework.boot.devtools.restart.classloader.RestartClassLoader";

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 10;
	}

	@Override
	public void onApplicationEvent(ApplicationContextInitializedEvent event) {
		ConfigurableApplicationContext context = event.getApplicationContext();
		UnknownReloadProperties.find(context.getEnvironment()).forEach(logger::warn);
		ReloadProperties properties = Binder.get(context.getEnvironment())
			.bind(ReloadProperties.PREFIX, ReloadProperties.class)
			.orElseGet(ReloadProperties::new);
		String off = reasonToStayOff(context, properties);
		if (off != null) {
			logger.info("Class reloading is off: " + off);
			return;
		}
		GenericApplicationContext generic = (GenericApplicationContext) context;
		List<Path> roots = roots(properties);
		List<Path> classpath = classpathDirectories();
		List<Path> resourceRoots = new ArrayList<>(roots);
		resourceRoots.removeAll(classpath);
		ClassDirectories directories = new ClassDirectories(roots, resourceRoots);
		ClassFileIndex index = new ClassFileIndex(directories, packagedClassFiles(context, properties, roots));
		Set<String> pinned = index.referenceClosure(startupClassNames(event.getSpringApplication()));
		ClassGenerations generations = new ClassGenerations(directories, index.takeInitialClassFiles(),
				context.getClassLoader(), pinned::contains);
		generic.setClassLoader(generations.applicationClassLoader());
		ReloadScope scope = new ReloadScope();
		ReloadableBeans beans = new ReloadableBeans(generations);
		generic.getBeanFactory().registerSingleton("reloadClassGenerations", generations);
		generic.getBeanFactory().registerSingleton("reloadClassFileIndex", index);
		generic.getBeanFactory().registerSingleton("reloadScope", scope);
		// custom-scoped beans are not destroyed with the singletons; the scope does it
		generic.getDefaultListableBeanFactory().registerDisposableBean("reloadScope", scope);
		generic.getBeanFactory().registerSingleton("reloadableBeans", beans);
		generic.addBeanFactoryPostProcessor(new ReloadScopeConfigurer(scope, beans));
		for (Path root : roots) {
			if (!Files.isDirectory(root)) {
				logger.warn("Reload directory " + root + " does not exist");
			}
		}
		logger.info("Class reloading is on for " + roots + ((pinned.isEmpty()) ? ""
				: "; " + pinned + " stay loaded by the application class loader (a change needs a restart)"));
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

	private static @Nullable String reasonToStayOff(ConfigurableApplicationContext context,
			ReloadProperties properties) {
		if (!properties.isEnabled()) {
			return "reload.enabled is false";
		}
		if (NativeDetector.inNativeImage()) {
			return "classes cannot be reloaded in a native image";
		}
		if (AotDetector.useGeneratedArtifacts()) {
			return "the context was processed ahead of time";
		}
		if (isDevToolsRestartClassLoader(context.getClassLoader())) {
			return "Spring Boot DevTools restarts this application (its restart class loader is in use); "
					+ "set spring.devtools.restart.enabled=false to reload classes with reload-spring-boot instead";
		}
		if (!(context instanceof GenericApplicationContext)) {
			return "the application context " + context.getClass().getName() + " is not a GenericApplicationContext";
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
