/**
 * The observation of each reload with Micrometer: its context, and the convention that
 * names and tags it, which an application may replace with a bean of its own.
 */
@NullMarked
package dev.reload.observation;

import org.jspecify.annotations.NullMarked;
