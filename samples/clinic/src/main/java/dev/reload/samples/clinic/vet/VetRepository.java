package dev.reload.samples.clinic.vet;

import org.springframework.cache.annotation.Cacheable;
import org.springframework.data.repository.Repository;

/**
 * The vets.
 *
 * @author reload-spring-boot
 */
public interface VetRepository extends Repository<Vet, Integer> {

	@Cacheable("vets")
	Iterable<Vet> findAll();

	Vet save(Vet vet);

}
