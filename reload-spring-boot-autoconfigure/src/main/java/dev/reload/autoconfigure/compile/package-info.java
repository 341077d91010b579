/**
 * Compiling edited source files in-process, with the JDK's compiler, into the reload
 * directories: what an IDE's compile on save does, so that the next request runs the
 * edited source without a build step.
 */
@NullMarked
package dev.reload.autoconfigure.compile;

import org.jspecify.annotations.NullMarked;
