/**
 * Change detection: a background watcher over the reload directories, the content hashes
 * of the class files the running generation was built from, and the class reference graph
 * that tells which classes a change affects.
 */
@NullMarked
package dev.reload.autoconfigure.change;

import org.jspecify.annotations.NullMarked;
