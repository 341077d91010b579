/**
 * A Micrometer observation around each reload, for tracing and correlated logs.
 */
@NullMarked
package dev.reload.autoconfigure.observation;

import org.jspecify.annotations.NullMarked;
