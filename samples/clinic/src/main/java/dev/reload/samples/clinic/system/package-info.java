/**
 * The clinic's system.
 */
@NullMarked
package dev.reload.samples.clinic.system;

import org.jspecify.annotations.NullMarked;
