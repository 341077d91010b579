package dev.reload.autoconfigure.scope;

import dev.reload.BeanSwapParticipant;
import dev.reload.BeanSwap;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

import dev.reload.autoconfigure.classloader.ClassDirectories;
import dev.reload.autoconfigure.classloader.ClassGenerations;
import dev.reload.autoconfigure.classloader.GenerationClassLoader;
import dev.reload.autoconfigure.classloader.GenerationFreeThreads;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;
import org.springframework.util.ConcurrentLruCache;
import org.springframework.util.ReflectionUtils;

/**
 * Evicts the classes of replaced generations from the caches Spring keeps for ever: the
 * class-keyed caches of bean post-processors and Spring's own infrastructure beans and
 * the Spring objects they hold, a few levels down (constructor candidates, lifecycle
 * metadata, auto-proxy decisions, the per-controller caches of handler adapters and their
 * return value handlers), and the caches of the application's Jackson mappers. Without
 * this, each of them keeps a replaced generation, its classes and its Metaspace alive.
 * Only concurrent maps and sets are touched, so evicting races with nothing; it runs
 * shortly after a switch, and again once the beans the switch replaced are destroyed, on
 * a thread of its own. An in-process restart evicts every class of the application it
 * closed ({@link #evictAll}).
 *
 * @author reload-spring-boot
 */
public final class StaleClassCaches implements BeanSwapParticipant, DisposableBean {

	private static final Log logger = LogFactory.getLog(StaleClassCaches.class);

	/** How far to follow Spring objects from a bean to the caches they hold. */
	private static final int DEPTH = 3;

	/**
	 * Spring's static caches keyed by classes, their members or types: emptying them
	 * after every reload, as their clearCache methods do, would make every class's first
	 * use after it slow again, the rebuilt beans' and the next request's included.
	 */
	private static final List<Field> STATIC_CACHES = staticFields(
			"org.springframework.util.ReflectionUtils#declaredMethodsCache",
			"org.springframework.util.ReflectionUtils#declaredFieldsCache",
			"org.springframework.core.annotation.AnnotationsScanner#declaredAnnotationCache",
			"org.springframework.core.annotation.AnnotationsScanner#baseTypeMethodsCache",
			"org.springframework.core.annotation.AnnotationTypeMappings#standardRepeatablesCache",
			"org.springframework.core.annotation.AnnotationTypeMappings#noRepeatablesCache",
			"org.springframework.core.annotation.AnnotationUtils#defaultValuesCache",
			"org.springframework.core.annotation.OrderUtils#orderCache",
			"org.springframework.context.event.GenericApplicationListenerAdapter#eventTypeCache",
			"org.springframework.core.convert.Property#annotationCache",
			"org.springframework.core.BridgeMethodResolver#cache",
			"org.springframework.core.GenericTypeResolver#typeVariableCache",
			"org.springframework.util.ClassUtils#interfaceMethodCache",
			"org.springframework.util.ClassUtils#publicInterfaceMethodCache",
			"org.springframework.util.ClassUtils#publiclyAccessibleMethodCache",
			"org.springframework.beans.CachedIntrospectionResults#strongClassCache",
			"org.springframework.beans.CachedIntrospectionResults#softClassCache",
			// the bean names and scoped-proxy answers of @Bean methods, a rebuilt
			// configuration class's among them
			"org.springframework.context.annotation.BeanAnnotationHelper#beanNameCache",
			"org.springframework.context.annotation.BeanAnnotationHelper#scopedProxyCache");

	/**
	 * Spring's static caches whose values, not their keys, hold on to a replaced
	 * generation: the type proxies of method parameters, which reach the parameter's
	 * handler method and, through it, the replaced bean; resolvable types, whose variable
	 * resolvers reach the types they were resolved against (a repository interface of a
	 * replaced generation, from its factory bean's type) however deep. They are recreated
	 * cheaply, so they are emptied, as Spring empties the resolvable types at the end of
	 * every context refresh.
	 */
	private static final List<Field> STATIC_CACHES_TO_EMPTY = staticFields(
			"org.springframework.core.SerializableTypeWrapper#cache", "org.springframework.core.ResolvableType#cache");

	/**
	 * Spring Data's static caches keyed by classes and types, when it is on the class
	 * path: its type information of a repository interface and of what its methods
	 * return, and property paths. Kept in least-recently-used caches that cannot be
	 * searched, so they are emptied; Spring Data fills them again at its next use.
	 */
	private static final List<Field> SPRING_DATA_CACHES_TO_EMPTY = presentStaticFields(
			"org.springframework.data.core.ClassTypeInformation#cache",
			"org.springframework.data.core.ClassTypeInformation#resolvableTypeCache",
			"org.springframework.data.core.TypeDiscoverer#CACHE",
			"org.springframework.data.core.SimplePropertyPath#cache",
			"org.springframework.data.util.ClassTypeInformation#cache",
			"org.springframework.data.util.ClassTypeInformation#resolvableTypeCache",
			"org.springframework.data.util.TypeDiscoverer#CACHE");

	/**
	 * Spring Data's static caches keyed by classes, when it is on the class path, and
	 * Spring Boot's cache of the {@code @Timed} annotations of repository interfaces and
	 * methods, which its repository metrics fill on every repository call. Soft
	 * references: a full collection keeps them while memory is plentiful.
	 */
	private static final List<Field> SPRING_DATA_CACHES = presentStaticFields(
			"org.springframework.boot.data.metrics.TimedAnnotations#cache",
			"org.springframework.data.util.ProxyUtils#USER_TYPES",
			"org.springframework.data.repository.core.support.EventPublishingRepositoryProxyPostProcessor$EventPublishingMethod#cache",
			"org.springframework.data.repository.query.ReturnedType#cache",
			"org.springframework.data.core.NullableWrapperConverters#supportsCache",
			"org.springframework.data.core.ReactiveWrappers#IS_REACTIVE_TYPE",
			"org.springframework.data.util.NullableWrapperConverters#supportsCache",
			"org.springframework.data.util.ReactiveWrappers#IS_REACTIVE_TYPE");

	/**
	 * Spring Boot's static caches keyed by what an application is made of, when they are
	 * on the class path: its environment (the endpoint access and exposure that
	 * conditions read) and its data sources (their pool metadata, which metrics read).
	 * Emptied by an in-process restart: the closed application's are never asked again,
	 * and they reach the whole closed application. Soft references: a full collection
	 * keeps them while memory is plentiful.
	 */
	static final List<Field> CLOSED_APPLICATION_CACHES = presentStaticFields(
			"org.springframework.boot.actuate.autoconfigure.endpoint.condition.OnAvailableEndpointCondition#accessResolversCache",
			"org.springframework.boot.actuate.autoconfigure.endpoint.condition.OnAvailableEndpointCondition#exposureOutcomeContributorsCache",
			"org.springframework.boot.jdbc.metrics.DataSourcePoolMetrics$CachingDataSourcePoolMetadataProvider#cache");

	/**
	 * Libraries' static property accessors, when they are on the class path, whose Spring
	 * caches (readers and sorted methods by class) fill with the class of every model
	 * object a template reads: Thymeleaf's, shared by all its expressions.
	 */
	private static final List<Field> STATIC_PROPERTY_ACCESSORS = presentStaticFields(
			"org.thymeleaf.spring6.expression.ThymeleafEvaluationContext#REFLECTIVE_PROPERTY_ACCESSOR_INSTANCE");

	/**
	 * Spring's static caches keyed by class loaders: the factories that
	 * {@code spring.factories} names for each. Soft references, as above; an in-process
	 * restart removes the closed application's class loaders.
	 */
	private static final List<Field> CLASS_LOADER_CACHES = staticFields(
			"org.springframework.core.io.support.SpringFactoriesLoader#cache");

	/** The types of a composed key's fields that may reach a replaced class. */
	private static final List<Class<?>> KEY_FIELD_TYPES = List.of(Class.class, Member.class, MethodParameter.class,
			TypeDescriptor.class, ResolvableType.class);

	/** How far to follow Spring's keys nested in a composed key. */
	private static final int KEY_DEPTH = 3;

	/** Whose beans are looked into, or {@code null} for the static caches only. */
	private final @Nullable DefaultListableBeanFactory beanFactory;

	private final Predicate<Class<?>> replaced;

	private final JacksonCaches jacksonCaches;

	private final Map<Class<?>, List<Field>> cacheFields = new ConcurrentHashMap<>();

	private final Map<Class<?>, List<Field>> keyFields = new ConcurrentHashMap<>();

	/**
	 * How long after a switch the eviction runs: not while the first requests after it
	 * are served, which it would compete with for the processors, and once for a burst of
	 * switches.
	 */
	private static final long DELAY_MILLIS = 250;

	private final AtomicBoolean scheduled = new AtomicBoolean();

	private final ScheduledExecutorService executor = Executors
		.newSingleThreadScheduledExecutor((runnable) -> GenerationFreeThreads.create("reload-evict", true,
				StaleClassCaches.class.getClassLoader(), runnable));

	/**
	 * Create an instance.
	 * @param beanFactory the bean factory
	 * @param generations the class generations
	 */
	public StaleClassCaches(DefaultListableBeanFactory beanFactory, ClassGenerations generations) {
		Assert.notNull(beanFactory, "'beanFactory' must not be null");
		Assert.notNull(generations, "'generations' must not be null");
		this.beanFactory = beanFactory;
		this.jacksonCaches = new JacksonCaches(beanFactory.getBeanClassLoader());
		this.replaced = (type) -> type.getClassLoader() instanceof GenerationClassLoader loader
				&& loader.belongsTo(generations) && generations.generationOf(type.getName()) != loader.generation();
	}

	private StaleClassCaches(Predicate<Class<?>> replaced) {
		this.beanFactory = null;
		this.jacksonCaches = new JacksonCaches(null);
		this.replaced = replaced;
	}

	/**
	 * Evict every class of the given generations from Spring's static caches, as an
	 * in-process restart does once it has closed the application they belong to: no bean
	 * of theirs is used again, but the caches would keep them, their class loaders and
	 * every class they defined alive. Never fails: what cannot be evicted only keeps
	 * memory.
	 * @param generations the generations of the closed application
	 */
	public static void evictAll(ClassGenerations generations) {
		Assert.notNull(generations, "'generations' must not be null");
		try {
			for (Field cache : CLOSED_APPLICATION_CACHES) {
				if (ReflectionUtils.getField(cache, null) instanceof Map<?, ?> map) {
					map.clear();
				}
			}
			ClassLoader application = generations.applicationClassLoader();
			for (Field cache : CLASS_LOADER_CACHES) {
				if (ReflectionUtils.getField(cache, null) instanceof Map<?, ?> map) {
					map.keySet()
						.removeIf(
								(loader) -> loader == application || (loader instanceof GenerationClassLoader generation
										&& generation.belongsTo(generations)));
				}
			}
		}
		catch (RuntimeException ex) {
			// the restart goes on: the caches only keep memory
			logger.debug("Could not empty Spring's caches of the closed application", ex);
		}
		new StaleClassCaches((type) -> type.getClassLoader() instanceof GenerationClassLoader loader
				&& loader.belongsTo(generations))
			.evict();
	}

	@Override
	public Switch prepare(List<BeanSwap> swaps) {
		return new Switch() {

			@Override
			public void apply() {
				evictSoon();
			}

			@Override
			public void undo() {
				// what is evicted is decided when it runs: classes no generation owns
			}

		};
	}

	/**
	 * Evict the replaced classes shortly, once for a burst of calls: after a switch, and
	 * again once the beans it replaced are destroyed, which looks up their methods again.
	 */
	public void evictSoon() {
		if (this.scheduled.compareAndSet(false, true)) {
			try {
				this.executor.schedule(this::evictScheduled, DELAY_MILLIS, TimeUnit.MILLISECONDS);
			}
			catch (RejectedExecutionException ex) {
				// shutting down
			}
		}
	}

	@Override
	public void destroy() {
		this.executor.shutdownNow();
	}

	private void evictScheduled() {
		// a switch from now on schedules another eviction, for the classes it replaces
		this.scheduled.set(false);
		evict();
	}

	void evict() {
		try {
			Predicate<Object> stale = this::isStale;
			Set<Object> visited = Collections.newSetFromMap(new IdentityHashMap<>());
			for (Field cache : STATIC_CACHES_TO_EMPTY) {
				if (ReflectionUtils.getField(cache, null) instanceof Map<?, ?> map) {
					map.clear();
				}
			}
			for (Field cache : SPRING_DATA_CACHES_TO_EMPTY) {
				Object value = ReflectionUtils.getField(cache, null);
				if (value instanceof Map<?, ?> map) {
					map.clear();
				}
				else if (value instanceof ConcurrentLruCache<?, ?> lru) {
					lru.clear();
				}
			}
			for (Field cache : SPRING_DATA_CACHES) {
				if (ReflectionUtils.getField(cache, null) instanceof Map<?, ?> map) {
					map.keySet().removeIf(stale);
				}
			}
			for (Field cache : STATIC_CACHES) {
				if (ReflectionUtils.getField(cache, null) instanceof ConcurrentMap<?, ?> map) {
					map.keySet().removeIf(stale);
					// such as the annotation type mappings of each annotation filter
					for (Object value : map.values()) {
						if (value != null && isSpring(value)) {
							evict(value, stale, visited, 0);
						}
					}
				}
			}
			for (Field accessor : STATIC_PROPERTY_ACCESSORS) {
				Object value = ReflectionUtils.getField(accessor, null);
				if (value != null) {
					evict(value, stale, visited, 0);
				}
			}
			DefaultListableBeanFactory beanFactory = this.beanFactory;
			if (beanFactory == null) {
				return;
			}
			// its own caches: property descriptors and factory methods by class
			evict(beanFactory, stale, visited, 0);
			for (Object processor : beanFactory.getBeanPostProcessors()) {
				evict(processor, stale, visited, DEPTH);
			}
			for (String name : beanFactory.getSingletonNames()) {
				Object singleton = beanFactory.getSingleton(name);
				if (singleton != null && isSpring(singleton)) {
					evict(singleton, stale, visited, DEPTH);
				}
			}
			this.jacksonCaches.clear(beanFactory);
		}
		catch (RuntimeException ex) {
			logger.debug("Could not evict replaced classes from Spring's caches", ex);
		}
	}

	private boolean isStale(@Nullable Object key) {
		return isStale(key, KEY_DEPTH);
	}

	private boolean isStale(@Nullable Object key, int depth) {
		if (key == null) {
			return false;
		}
		if (key instanceof Member member) {
			return isStaleClass(member.getDeclaringClass(), depth);
		}
		if (key instanceof MethodParameter parameter) {
			// a handler method's parameter reaches the handler method, and its bean
			return isStaleClass(parameter.getDeclaringClass(), depth)
					|| isStaleClass(parameter.getContainingClass(), depth);
		}
		if (key instanceof TypeDescriptor descriptor) {
			// a conversion service's cache key: its type's source may be a handler
			// method's parameter
			return isStale(descriptor.getResolvableType(), depth);
		}
		if (key instanceof ResolvableType type) {
			if (isStaleClass(type.toClass(), depth) || isStale(type.getSource(), depth)) {
				return true;
			}
			for (ResolvableType generic : type.getGenerics()) {
				if (isStaleClass(generic.toClass(), depth)) {
					return true;
				}
			}
			return false;
		}
		return isStaleClass(key, depth);
	}

	private boolean isStaleClass(Object key, int depth) {
		if (key instanceof Class<?> type) {
			return this.replaced.test(type);
		}
		if (depth == 0 || !isSpring(key)) {
			// only Spring's keys are looked into, and only their classes remembered: a
			// remembered class of the application would keep its generation alive
			return false;
		}
		// a composed key, such as the auto-proxy creator's (bean class, bean name), a
		// conversion service's (source type, target type) or the cache interceptor's
		// (operation, (method, target class))
		for (Field field : this.keyFields.computeIfAbsent(key.getClass(), StaleClassCaches::keyFields)) {
			Object value = ReflectionUtils.getField(field, key);
			if (value != null && isStale(value, depth - 1)) {
				return true;
			}
		}
		return false;
	}

	private void evict(Object target, Predicate<Object> stale, Set<Object> visited, int depth) {
		if (!visited.add(target)) {
			return;
		}
		List<Field> fields = isSpring(target)
				? this.cacheFields.computeIfAbsent(target.getClass(), StaleClassCaches::cacheFields)
				: cacheFields(target.getClass());
		for (Field field : fields) {
			Object value = ReflectionUtils.getField(field, target);
			if (value instanceof ConcurrentMap<?, ?> map) {
				map.keySet().removeIf(stale);
			}
			else if (value instanceof ConcurrentHashMap.KeySetView<?, ?> set) {
				set.removeIf(stale);
			}
			else if (depth > 0 && value instanceof List<?> list) {
				// such as a handler adapter's argument resolvers and return value
				// handlers
				for (Object element : list.toArray()) {
					if (element != null && isSpring(element)) {
						evict(element, stale, visited, depth - 1);
					}
				}
			}
			else if (depth > 0 && value != null && isSpring(value)) {
				evict(value, stale, visited, depth - 1);
			}
		}
	}

	private static boolean isSpring(Object candidate) {
		return isSpring(candidate.getClass());
	}

	private static boolean isSpring(Class<?> type) {
		// Spring's own packages, not an application's under org.springframework
		// (PetClinic's org.springframework.samples), whose classes must not be remembered
		return type.getName().startsWith("org.springframework.") && ClassDirectories.isPlatformClass(type.getName());
	}

	private static List<Field> cacheFields(Class<?> type) {
		List<Field> fields = new ArrayList<>();
		ReflectionUtils.doWithFields(type, (field) -> {
			ReflectionUtils.makeAccessible(field);
			fields.add(field);
		}, (field) -> !Modifier.isStatic(field.getModifiers()) && !field.getType().isPrimitive()
				&& field.getType() != String.class && !field.getType().isArray()
				// Spring's own fields only: the JDK's are not open to reflection
				&& isSpring(field.getDeclaringClass()));
		return List.copyOf(fields);
	}

	private static boolean mayReachClass(Class<?> fieldType) {
		return isSpring(fieldType) || KEY_FIELD_TYPES.stream()
			.anyMatch((type) -> type.isAssignableFrom(fieldType) || fieldType.isAssignableFrom(type));
	}

	private static List<Field> staticFields(String... classAndFieldNames) {
		List<Field> fields = new ArrayList<>();
		for (String classAndField : classAndFieldNames) {
			String[] parts = classAndField.split("#");
			fields.add(SpringInternals.staticField(parts[0], parts[1],
					"to evict replaced classes from this cache, which Spring keeps for the life of the JVM"));
		}
		return List.copyOf(fields);
	}

	/**
	 * Return those of the given static fields whose class is on the class path: caches of
	 * libraries an application may not use. One that is there without the field is left
	 * alone, as a version of the library the eviction does not know.
	 */
	private static List<Field> presentStaticFields(String... classAndFieldNames) {
		List<Field> fields = new ArrayList<>();
		ClassLoader classLoader = StaleClassCaches.class.getClassLoader();
		for (String classAndField : classAndFieldNames) {
			String[] parts = classAndField.split("#");
			if (ClassUtils.isPresent(parts[0], classLoader)) {
				Field field = ReflectionUtils.findField(ClassUtils.resolveClassName(parts[0], classLoader), parts[1]);
				if (field != null && Modifier.isStatic(field.getModifiers())) {
					ReflectionUtils.makeAccessible(field);
					fields.add(field);
				}
			}
		}
		return List.copyOf(fields);
	}

	/**
	 * Return the fields of a composed key of Spring's that may reach a class: a class, a
	 * member, a method parameter or a type, which {@link #isStale(Object)} looks into,
	 * also when declared as a supertype ({@code AnnotatedElement}, {@code Object}), and
	 * Spring's keys nested in it.
	 */
	private static List<Field> keyFields(Class<?> keyType) {
		if (!isSpring(keyType)) {
			return List.of();
		}
		List<Field> fields = new ArrayList<>();
		ReflectionUtils.doWithFields(keyType, (field) -> {
			ReflectionUtils.makeAccessible(field);
			fields.add(field);
		}, (field) -> !Modifier.isStatic(field.getModifiers()) && isSpring(field.getDeclaringClass())
				&& mayReachClass(field.getType()));
		return List.copyOf(fields);
	}

}
