/**
 * A clinic shaped like Spring PetClinic, run with reloading on.
 */
@NullMarked
package dev.reload.samples.clinic;

import org.jspecify.annotations.NullMarked;
