/**
 * Spring WebFlux integration: the check before handler lookup in a {@code WebFilter}, and
 * the re-registration of rebuilt controllers' request mappings.
 */
@NullMarked
package dev.reload.autoconfigure.web.reactive;

import org.jspecify.annotations.NullMarked;
