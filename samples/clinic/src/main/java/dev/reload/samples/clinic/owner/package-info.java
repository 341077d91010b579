/**
 * The clinic's owner.
 */
@NullMarked
package dev.reload.samples.clinic.owner;

import org.jspecify.annotations.NullMarked;
