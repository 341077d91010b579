/**
 * The clinic's model.
 */
@NullMarked
package dev.reload.samples.clinic.model;

import org.jspecify.annotations.NullMarked;
