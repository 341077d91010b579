/**
 * The class loaders: one generation loader per reload, each defining the classes that
 * changed and the classes that depend on them, and the stable application class loader
 * that the bean factory uses and that routes every name to the generation owning it.
 */
@NullMarked
package dev.reload.autoconfigure.classloader;

import org.jspecify.annotations.NullMarked;
