/**
 * The Spring WebFlux sample.
 */
@NullMarked
package dev.reload.samples.webflux;

import org.jspecify.annotations.NullMarked;
