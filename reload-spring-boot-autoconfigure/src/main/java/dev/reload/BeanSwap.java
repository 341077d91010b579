package dev.reload;

import org.jspecify.annotations.Nullable;

/**
 * One bean a reload replaces, adds or removes.
 *
 * @param beanName the bean name
 * @param previous the instance serving until the switch, or {@code null} for a new bean
 * @param next the instance serving after the switch, or {@code null} for a removed bean
 * @author reload-spring-boot
 */
public record BeanSwap(String beanName, @Nullable Object previous, @Nullable Object next) {

}
