package dev.reload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Registers the annotated class for reloading, even when {@code reload.all} is
 * {@code false}: the Spring Boot counterpart of a module's {@code use Apache2::Reload;}
 * line.
 *
 * @author reload-spring-boot
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Reloadable {

}
