package dev.reload.it;

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.Map;

import dev.reload.autoconfigure.classloader.ClassGenerations;
import dev.reload.autoconfigure.classloader.GenerationClassLoader;
import dev.reload.testsupport.SourceCompiler;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.AutowiredAnnotationBeanPostProcessor;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.util.ReflectionUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * After a switch, Spring's class-keyed caches let go of the replaced generation's
 * classes, and the bean factory forgets the definitions the reload removed.
 *
 * @author reload-spring-boot
 */
class StaleClassCachesIntegrationTests extends FixtureApplicationTests {

	@Test
	void replacedClassesAreEvictedFromSpringsCaches() {
		assertThat(this.app.get("/colour").body()).isEqualTo("the color is white");
		SourceCompiler.compile(this.classes, FixtureSources.colours("ochre"));
		this.app.reloadNow();
		SourceCompiler.compile(this.classes, FixtureSources.colours("umber"));
		this.app.reloadNow();
		DefaultListableBeanFactory beanFactory = (DefaultListableBeanFactory) this.app.context()
			.getAutowireCapableBeanFactory();
		AutowiredAnnotationBeanPostProcessor autowired = beanFactory.getBeanPostProcessors()
			.stream()
			.filter(AutowiredAnnotationBeanPostProcessor.class::isInstance)
			.map(AutowiredAnnotationBeanPostProcessor.class::cast)
			.findFirst()
			.orElseThrow();
		Map<?, ?> constructors = (Map<?, ?>) read(autowired, "candidateConstructorsCache");
		Map<?, ?> merged = (Map<?, ?>) read(beanFactory, "mergedBeanDefinitions");
		// Spring's static caches are not emptied by a reload, only rid of replaced
		// classes
		Map<?, ?> declaredMethods = (Map<?, ?>) readStatic(ReflectionUtils.class, "declaredMethodsCache");
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			assertThat(constructors.keySet()).noneMatch(this::isReplaced);
			assertThat(declaredMethods.keySet()).noneMatch(this::isReplaced)
				.anyMatch((type) -> !(((Class<?>) type).getClassLoader() instanceof GenerationClassLoader));
		});
		assertThat(merged.keySet()).allMatch((name) -> beanFactory.containsBeanDefinition((String) name));
	}

	private boolean isReplaced(Object key) {
		ClassGenerations generations = this.app.context().getBean(ClassGenerations.class);
		return key instanceof Class<?> type && type.getClassLoader() instanceof GenerationClassLoader loader
				&& generations.generationOf(type.getName()) != loader.generation();
	}

	private static Object readStatic(Class<?> type, String name) {
		Field field = ReflectionUtils.findField(type, name);
		ReflectionUtils.makeAccessible(field);
		return ReflectionUtils.getField(field, null);
	}

	private static Object read(Object target, String name) {
		Field field = ReflectionUtils.findField(target.getClass(), name);
		ReflectionUtils.makeAccessible(field);
		return ReflectionUtils.getField(field, target);
	}

}
