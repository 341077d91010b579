/**
 * Auto-configuration for reload-spring-boot: the settings, the listener that puts
 * application classes into a reloadable class loader, and the beans that reload them.
 */
@NullMarked
package dev.reload.autoconfigure;

import org.jspecify.annotations.NullMarked;
