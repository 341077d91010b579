package dev.reload.samples.clinic.owner;

import dev.reload.samples.clinic.model.NamedEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * A pet.
 *
 * @author reload-spring-boot
 */
@Entity
@Table(name = "pets")
public class Pet extends NamedEntity {

}
