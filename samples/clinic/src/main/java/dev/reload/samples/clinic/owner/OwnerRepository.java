package dev.reload.samples.clinic.owner;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * The owners.
 *
 * @author reload-spring-boot
 */
public interface OwnerRepository extends JpaRepository<Owner, Integer> {

	List<Owner> findByLastNameStartingWith(String lastName);

}
