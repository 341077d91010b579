/**
 * The reload scope: it holds the beans built from reloadable classes, builds a changed
 * set of them in full before switching, and hands unchanged consumers a proxy of a stable
 * interface that always reaches the current instance.
 */
@NullMarked
package dev.reload.autoconfigure.scope;

import org.jspecify.annotations.NullMarked;
