/**
 * Application event integration: {@code @EventListener} methods of rebuilt beans follow
 * them.
 */
@NullMarked
package dev.reload.autoconfigure.event;

import org.jspecify.annotations.NullMarked;
