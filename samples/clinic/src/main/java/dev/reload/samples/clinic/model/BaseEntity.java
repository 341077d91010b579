package dev.reload.samples.clinic.model;

import java.io.Serializable;

import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import org.jspecify.annotations.Nullable;

/**
 * The root of the entity hierarchy: an id.
 *
 * @author reload-spring-boot
 */
@MappedSuperclass
public class BaseEntity implements Serializable {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Integer id;

	public @Nullable Integer getId() {
		return this.id;
	}

	public void setId(@Nullable Integer id) {
		this.id = id;
	}

}
