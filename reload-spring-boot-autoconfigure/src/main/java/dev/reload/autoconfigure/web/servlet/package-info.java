/**
 * Spring MVC integration: the check before handler lookup, the interceptor that is the
 * counterpart of Apache2::Reload's {@code PerlInitHandler}, and the re-registration of
 * rebuilt controllers' request mappings.
 */
@NullMarked
package dev.reload.autoconfigure.web.servlet;

import org.jspecify.annotations.NullMarked;
