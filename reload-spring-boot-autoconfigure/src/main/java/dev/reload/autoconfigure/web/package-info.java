/**
 * What the Spring MVC and the Spring WebFlux integrations share: recognizing requests to
 * the {@code reload} endpoint and re-mapping rebuilt controllers.
 */
@NullMarked
package dev.reload.autoconfigure.web;

import org.jspecify.annotations.NullMarked;
