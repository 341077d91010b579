package dev.reload.samples.clinic.owner;

import java.util.ArrayList;
import java.util.List;

import dev.reload.samples.clinic.model.Person;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * A pet owner.
 *
 * @author reload-spring-boot
 */
@Entity
@Table(name = "owners")
public class Owner extends Person {

	@Column(name = "city")
	private @Nullable String city;

	@OneToMany(cascade = CascadeType.ALL, fetch = FetchType.EAGER)
	@JoinColumn(name = "owner_id")
	private final List<Pet> pets = new ArrayList<>();

	public @Nullable String getCity() {
		return this.city;
	}

	public void setCity(@Nullable String city) {
		this.city = city;
	}

	public List<Pet> getPets() {
		return this.pets;
	}

	public void addPet(Pet pet) {
		this.pets.add(pet);
	}

}
