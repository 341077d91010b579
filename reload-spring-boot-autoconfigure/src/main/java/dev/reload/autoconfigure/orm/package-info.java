/**
 * The persistence units: built again from a new class generation when the code of a JPA
 * managed type changes, and switched in behind the application's
 * {@code EntityManagerFactory}, which every consumer keeps.
 */
@NullMarked
package dev.reload.autoconfigure.orm;

import org.jspecify.annotations.NullMarked;
