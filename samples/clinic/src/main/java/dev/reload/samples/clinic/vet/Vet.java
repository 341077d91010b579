package dev.reload.samples.clinic.vet;

import dev.reload.samples.clinic.model.Person;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * A vet.
 *
 * @author reload-spring-boot
 */
@Entity
@Table(name = "vets")
public class Vet extends Person {

}
