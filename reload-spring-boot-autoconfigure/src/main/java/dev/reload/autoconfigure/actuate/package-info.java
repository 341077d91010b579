/**
 * The {@code reload} actuator endpoint: status and history on {@code GET}, reload now on
 * {@code POST}.
 */
@NullMarked
package dev.reload.autoconfigure.actuate;

import org.jspecify.annotations.NullMarked;
