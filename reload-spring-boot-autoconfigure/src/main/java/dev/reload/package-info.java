/**
 * Public API of reload-spring-boot: the {@link dev.reload.Reloader} bean, the
 * {@link dev.reload.Reloadable} marker and the reports a reload produces.
 */
@NullMarked
package dev.reload;

import org.jspecify.annotations.NullMarked;
