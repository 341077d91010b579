/**
 * Micrometer meters for reloads: how many, how long, and which generation serves.
 */
@NullMarked
package dev.reload.autoconfigure.metrics;

import org.jspecify.annotations.NullMarked;
