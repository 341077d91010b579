package dev.reload.it;

import java.io.Serializable;
import java.lang.reflect.Field;
import java.util.Map;

import dev.reload.testsupport.SourceCompiler;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.util.ReflectionUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After a reload the bean factory answers "which beans are of this type" for the new
 * generation, and keeps the answers the reload cannot have changed, so that a large
 * application does not read every bean definition again per lookup.
 *
 * @author reload-spring-boot
 */
class BeanTypeLookupIntegrationTests extends FixtureApplicationTests {

	@Test
	void typeLookupsAnswerForTheNewGenerationAndKeepUnaffectedAnswers() {
		DefaultListableBeanFactory beanFactory = (DefaultListableBeanFactory) this.app.context()
			.getAutowireCapableBeanFactory();
		assertThat(beanFactory.getBeanNamesForType(Serializable.class)).doesNotContain("helloGreeting");
		assertThat(beanFactory.getBeanNamesForType(Runnable.class)).doesNotContain("helloGreeting");
		Map<Class<?>, String[]> cache = typeCache(beanFactory);
		assertThat(cache.keySet()).contains(Serializable.class, Runnable.class);

		SourceCompiler.compile(this.classes, SourceCompiler.of(FixtureSources.HELLO_GREETING, """
				package dev.reload.it.fixture.app;

				import org.springframework.stereotype.Service;

				@Service
				public class HelloGreeting implements Greeting, java.io.Serializable {
					@Override
					public String greet() {
						return "serializable";
					}
				}
				"""));
		assertThat(this.app.reloadNow().read("$.outcome", String.class)).isEqualTo("RELOADED");

		assertThat(this.app.get("/greeting").body()).isEqualTo("serializable");
		assertThat(beanFactory.getType("helloGreeting")).isAssignableTo(Serializable.class);
		assertThat(beanFactory.getBeanNamesForType(Serializable.class)).contains("helloGreeting");
		// no rebuilt class is a Runnable: that answer was kept
		assertThat(cache.keySet()).contains(Runnable.class);
		assertThat(beanFactory.getBeanNamesForType(Runnable.class)).doesNotContain("helloGreeting");
	}

	@SuppressWarnings("unchecked")
	private static Map<Class<?>, String[]> typeCache(DefaultListableBeanFactory beanFactory) {
		Field field = ReflectionUtils.findField(DefaultListableBeanFactory.class, "allBeanNamesByType");
		ReflectionUtils.makeAccessible(field);
		return (Map<Class<?>, String[]>) ReflectionUtils.getField(field, beanFactory);
	}

}
