package dev.reload.autoconfigure.web.servlet;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.reload.BeanSwap;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.data.repository.core.support.RepositoryFactoryInformation;
import org.springframework.data.repository.support.DomainClassConverter;
import org.springframework.format.support.DefaultFormattingConversionService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A switch of a repository makes Spring Data's domain class converter look the
 * repositories up at once, not at its next conversion, which may never come: until then
 * it would keep the replaced repository and its generation. (That it converts with the
 * rebuilt repository is tested on the clinic's server, in {@code ClinicRepositoryTests}.)
 * Here, beside the clinic, because Spring Data is on its class path.
 *
 * @author reload-spring-boot
 */
class DomainClassConvertersTests {

	private final List<Class<?>> lookedUp = new CopyOnWriteArrayList<>();

	@Test
	void switchOfARepositoryMakesTheConverterLookTheRepositoriesUpAtOnce() {
		try (GenericApplicationContext context = new LookUpRecordingContext()) {
			DefaultFormattingConversionService service = new DefaultFormattingConversionService();
			context.registerBean("mvcConversionService", GenericConversionService.class, () -> service);
			context.refresh();
			new DomainClassConverter<>(service).setApplicationContext(context);
			Object repository = Proxy.newProxyInstance(getClass().getClassLoader(),
					new Class<?>[] { RepositoryFactoryInformation.class }, (proxy, method, args) -> null);
			DomainClassConverters participant = new DomainClassConverters(context);
			var change = participant.prepare(List.of(new BeanSwap("vetRepository", repository, repository)));
			this.lookedUp.clear();
			change.apply();
			assertThat(this.lookedUp).contains(RepositoryFactoryInformation.class);
			this.lookedUp.clear();
			change.undo();
			assertThat(this.lookedUp).contains(RepositoryFactoryInformation.class);
		}
	}

	/** Records the types it is asked for beans of, as Spring Data's look-up does. */
	private final class LookUpRecordingContext extends GenericApplicationContext {

		@Override
		public String[] getBeanNamesForType(@Nullable Class<?> type, boolean includeNonSingletons,
				boolean allowEagerInit) {
			DomainClassConvertersTests.this.lookedUp.add(type);
			return super.getBeanNamesForType(type, includeNonSingletons, allowEagerInit);
		}

	}

}
