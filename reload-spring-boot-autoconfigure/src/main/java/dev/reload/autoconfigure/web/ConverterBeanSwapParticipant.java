package dev.reload.autoconfigure.web;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import dev.reload.BeanSwap;
import dev.reload.BeanSwapParticipant;
import dev.reload.autoconfigure.engine.RestartRequiredException;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.Ordered;
import org.springframework.core.ResolvableType;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.converter.ConverterFactory;
import org.springframework.core.convert.converter.GenericConverter;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.format.Parser;
import org.springframework.format.Printer;
import org.springframework.util.Assert;
import org.springframework.util.ReflectionUtils;

/**
 * Makes the conversion services convert with a rebuilt converter or formatter bean:
 * Spring Boot added each such bean to the web conversion service at start-up, wrapped in
 * an adapter of Spring's or Boot's that holds the instance, so the old instance would
 * otherwise go on converting. At the switch, each adapter that holds a replaced instance
 * is pointed at its rebuilt one; undoing the switch points it back. The adapters stay,
 * with their place among the converters and in the conversion cache, so the order in
 * which converters are tried is the one the application started with.
 * <p>
 * That is only sound while the bean converts the same types: the conversion service files
 * each adapter under the types it had at start-up. A rebuilt bean that converts other
 * types (or types of a new generation), a converter bean added or removed, and a
 * {@link GenericConverter} bean, which the conversion service holds itself rather than
 * through an adapter, need a restart.
 *
 * @author reload-spring-boot
 */
public final class ConverterBeanSwapParticipant implements BeanSwapParticipant, Ordered {

	private static final List<Class<?>> CONVERTER_TYPES = List.of(Converter.class, ConverterFactory.class,
			GenericConverter.class, Printer.class, Parser.class);

	private final ConfigurableListableBeanFactory beanFactory;

	private final Map<Class<?>, List<Field>> adapterFields = new ConcurrentHashMap<>();

	/**
	 * Create an instance.
	 * @param beanFactory the bean factory whose conversion services hold the beans
	 */
	public ConverterBeanSwapParticipant(ConfigurableListableBeanFactory beanFactory) {
		Assert.notNull(beanFactory, "'beanFactory' must not be null");
		this.beanFactory = beanFactory;
	}

	@Override
	public int getOrder() {
		return HeldWebBeans.REFUSAL_ORDER;
	}

	@Override
	public Switch prepare(List<BeanSwap> swaps) {
		Set<String> refused = new TreeSet<>();
		List<BeanSwap> replaced = new ArrayList<>();
		for (BeanSwap swap : swaps) {
			if (!isConverter(swap.previous()) && !isConverter(swap.next())) {
				continue;
			}
			String reason = refusal(swap);
			if (reason != null) {
				refused.add(RestartRequiredException.bean(swap.beanName(), reason));
			}
			else {
				replaced.add(swap);
			}
		}
		if (!refused.isEmpty()) {
			throw RestartRequiredException.rebuilding(refused,
					"the conversion service files its converters under the types they had at start-up");
		}
		if (replaced.isEmpty()) {
			return Switch.none();
		}
		List<HeldInstance> held = new ArrayList<>();
		for (GenericConversionService service : conversionServices()) {
			for (Object converter : RegisteredConverters.of(service)) {
				for (BeanSwap swap : replaced) {
					if (converter == swap.previous()) {
						throw RestartRequiredException.rebuilding(
								List.of(RestartRequiredException.bean(swap.beanName(),
										"a converter the conversion service holds itself, from start-up")),
								"a new instance would never be called while the old one kept running");
					}
					for (Field field : adapterFields(converter.getClass())) {
						if (ReflectionUtils.getField(field, converter) == swap.previous()) {
							held.add(new HeldInstance(converter, field, swap.previous(), swap.next()));
						}
					}
				}
			}
		}
		return new Switch() {

			@Override
			public void apply() {
				held.forEach(HeldInstance::apply);
			}

			@Override
			public void undo() {
				held.forEach(HeldInstance::undo);
			}

		};
	}

	private @Nullable String refusal(BeanSwap swap) {
		if (swap.previous() == null) {
			return "a converter or formatter added, which the conversion service would not know";
		}
		if (swap.next() == null) {
			return "a converter or formatter removed, which the conversion service would go on calling";
		}
		if (!convertedTypes(swap.previous()).equals(convertedTypes(swap.next()))) {
			return "a converter or formatter of other types than at start-up";
		}
		return null;
	}

	private Set<GenericConversionService> conversionServices() {
		Set<GenericConversionService> services = new LinkedHashSet<>(
				this.beanFactory.getBeansOfType(GenericConversionService.class, false, false).values());
		ConversionService own = this.beanFactory.getConversionService();
		if (own instanceof GenericConversionService generic) {
			services.add(generic);
		}
		return services;
	}

	/**
	 * Return the fields of an adapter of Spring's or Spring Boot's that may hold a bean:
	 * such as Spring's {@code PrinterConverter.printer} and Boot's
	 * {@code BeanAdapter.bean}. Only their own classes are looked into.
	 */
	private List<Field> adapterFields(Class<?> type) {
		return this.adapterFields.computeIfAbsent(type, (adapter) -> {
			List<Field> fields = new ArrayList<>();
			if (adapter.getName().startsWith("org.springframework.")) {
				ReflectionUtils.doWithFields(adapter, (field) -> {
					ReflectionUtils.makeAccessible(field);
					fields.add(field);
				}, (field) -> !Modifier.isStatic(field.getModifiers()) && !field.getType().isPrimitive()
						&& field.getDeclaringClass().getName().startsWith("org.springframework."));
			}
			return List.copyOf(fields);
		});
	}

	private static boolean isConverter(@Nullable Object bean) {
		return bean != null && CONVERTER_TYPES.stream().anyMatch((type) -> type.isInstance(bean));
	}

	/**
	 * Return the types a converter converts, as its class declares them: the conversion
	 * service filed it under these.
	 */
	private static List<Object> convertedTypes(Object bean) {
		List<Object> types = new ArrayList<>();
		for (Class<?> converterType : CONVERTER_TYPES) {
			if (converterType.isInstance(bean)) {
				types.add(converterType);
				if (bean instanceof GenericConverter generic) {
					types.add(generic.getConvertibleTypes());
				}
				else {
					ResolvableType type = ResolvableType.forClass(bean.getClass()).as(converterType);
					types.addAll(Arrays.asList(type.resolveGenerics()));
				}
			}
		}
		return types;
	}

	/**
	 * An adapter's field that holds a replaced instance.
	 */
	private record HeldInstance(Object adapter, Field field, Object previous, Object next) {

		void apply() {
			ReflectionUtils.setField(this.field, this.adapter, this.next);
		}

		void undo() {
			ReflectionUtils.setField(this.field, this.adapter, this.previous);
		}

	}

}
