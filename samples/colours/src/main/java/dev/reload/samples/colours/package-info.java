/**
 * The colour sample.
 */
@NullMarked
package dev.reload.samples.colours;

import org.jspecify.annotations.NullMarked;
