/**
 * Launching the application from the reloadable class loader: its {@code main} method is
 * run again, from generation 0, before any application class is loaded, so that every
 * class of the application has exactly one definition that a reload can replace.
 */
@NullMarked
package dev.reload.autoconfigure.launch;

import org.jspecify.annotations.NullMarked;
