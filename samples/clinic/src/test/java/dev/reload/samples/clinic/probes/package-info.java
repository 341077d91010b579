/**
 * Beans that record which of Spring's contracts the clinic sees, and in what order, so
 * that a run with reloading on can be compared with one with reloading off.
 */
@NullMarked
package dev.reload.samples.clinic.probes;

import org.jspecify.annotations.NullMarked;
