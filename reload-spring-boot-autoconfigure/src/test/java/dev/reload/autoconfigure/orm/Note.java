package dev.reload.autoconfigure.orm;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

/**
 * An entity of the persistence unit the tests rebuild.
 *
 * @author reload-spring-boot
 */
@Entity
public class Note {

	@Id
	@GeneratedValue
	private Long id;

	private String text;

	public Long getId() {
		return this.id;
	}

	public String getText() {
		return this.text;
	}

	public void setText(String text) {
		this.text = text;
	}

}
