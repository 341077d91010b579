/**
 * What the samples' tests and the benchmarks do as a user would.
 */
@NullMarked
package dev.reload.samples.support;

import org.jspecify.annotations.NullMarked;
