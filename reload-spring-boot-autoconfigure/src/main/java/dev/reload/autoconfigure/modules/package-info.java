/**
 * Which changes are applied: module patterns ({@code reload.modules}), classes annotated
 * with {@code @Reloadable}, registrations and unregistrations through the
 * {@code Reloader}, and the touch file that gates reloads.
 */
@NullMarked
package dev.reload.autoconfigure.modules;

import org.jspecify.annotations.NullMarked;
