package dev.reload.samples.clinic.model;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import org.jspecify.annotations.Nullable;

/**
 * A person: a first and a last name.
 *
 * @author reload-spring-boot
 */
@MappedSuperclass
public class Person extends BaseEntity {

	@Column(name = "first_name")
	private @Nullable String firstName;

	@Column(name = "last_name")
	private @Nullable String lastName;

	public @Nullable String getFirstName() {
		return this.firstName;
	}

	public void setFirstName(@Nullable String firstName) {
		this.firstName = firstName;
	}

	public @Nullable String getLastName() {
		return this.lastName;
	}

	public void setLastName(@Nullable String lastName) {
		this.lastName = lastName;
	}

}
