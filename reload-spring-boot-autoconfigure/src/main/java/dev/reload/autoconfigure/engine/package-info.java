/**
 * The reload engine: it turns a change set into a verified new generation, switches it in
 * while requests are held at the gate, records each attempt, and retires replaced beans
 * once the requests that used them are done.
 */
@NullMarked
package dev.reload.autoconfigure.engine;

import org.jspecify.annotations.NullMarked;
