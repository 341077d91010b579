/**
 * The clinic's vet.
 */
@NullMarked
package dev.reload.samples.clinic.vet;

import org.jspecify.annotations.NullMarked;
