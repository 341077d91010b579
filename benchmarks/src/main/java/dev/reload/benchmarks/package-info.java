/**
 * Benchmarks of the starter, side by side with Spring Boot DevTools.
 */
@NullMarked
package dev.reload.benchmarks;

import org.jspecify.annotations.NullMarked;
