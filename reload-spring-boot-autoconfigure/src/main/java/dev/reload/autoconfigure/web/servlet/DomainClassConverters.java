package dev.reload.autoconfigure.web.servlet;

import java.util.ArrayList;
import java.util.List;

import dev.reload.BeanSwap;
import dev.reload.BeanSwapParticipant;
import dev.reload.autoconfigure.web.RegisteredConverters;

import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.ConditionalGenericConverter;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;

/**
 * Makes Spring Data's web support look its repositories up again after a reload that
 * rebuilt one: its {@code DomainClassConverter} (a {@code @PathVariable Owner owner}
 * conversion) finds the repositories once and keeps them, so it would go on querying
 * through the replaced repository, keeping its generation alive. Setting its application
 * context again, its own public API, and asking it whether it converts, makes it look
 * them up afresh, and undoing a switch does the same for the restored ones.
 * <p>
 * The converter is found among those registered in Spring MVC's conversion service, read
 * from its private fields by {@link RegisteredConverters}.
 *
 * @author reload-spring-boot
 */
final class DomainClassConverters implements BeanSwapParticipant {

	static final String DOMAIN_CLASS_CONVERTER = "org.springframework.data.repository.support.DomainClassConverter";

	private static final String REPOSITORY_FACTORY_INFORMATION = "org.springframework.data.repository.core.support.RepositoryFactoryInformation";

	private static final TypeDescriptor OBJECT = TypeDescriptor.valueOf(Object.class);

	private final ApplicationContext context;

	private final Class<?> repositoryFactoryType;

	DomainClassConverters(ApplicationContext context) {
		Assert.notNull(context, "'context' must not be null");
		this.context = context;
		this.repositoryFactoryType = ClassUtils.resolveClassName(REPOSITORY_FACTORY_INFORMATION,
				DomainClassConverters.class.getClassLoader());
	}

	@Override
	public Switch prepare(List<BeanSwap> swaps) {
		boolean repositories = swaps.stream()
			.anyMatch((swap) -> this.repositoryFactoryType.isInstance(swap.previous())
					|| this.repositoryFactoryType.isInstance(swap.next()));
		if (!repositories) {
			return Switch.none();
		}
		List<Object> converters = converters();
		return new Switch() {

			@Override
			public void apply() {
				converters.forEach(DomainClassConverters.this::lookUpRepositories);
			}

			@Override
			public void undo() {
				apply();
			}

		};
	}

	private void lookUpRepositories(Object converter) {
		((ApplicationContextAware) converter).setApplicationContext(this.context);
		// it would look them up at its next conversion, keeping the replaced ones until
		// then; asking it whether it converts makes it look them up now
		((ConditionalGenericConverter) converter).matches(OBJECT, OBJECT);
	}

	/**
	 * Return Spring Data's domain class converters in the context's conversion services.
	 * @return the converters
	 */
	List<Object> converters() {
		List<Object> converters = new ArrayList<>();
		for (GenericConversionService service : this.context
			.getBeansOfType(GenericConversionService.class, false, false)
			.values()) {
			for (Object candidate : RegisteredConverters.of(service)) {
				if (candidate instanceof ConditionalGenericConverter && candidate instanceof ApplicationContextAware
						&& DOMAIN_CLASS_CONVERTER.equals(candidate.getClass().getName())
						&& !converters.contains(candidate)) {
					converters.add(candidate);
				}
			}
		}
		return converters;
	}

}
