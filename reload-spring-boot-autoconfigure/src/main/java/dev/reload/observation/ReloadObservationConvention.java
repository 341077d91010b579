package dev.reload.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * How a reload observation is named and tagged; declare a bean of this type to change it.
 *
 * @author reload-spring-boot
 */
public interface ReloadObservationConvention extends ObservationConvention<ReloadObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof ReloadObservationContext;
	}

}
