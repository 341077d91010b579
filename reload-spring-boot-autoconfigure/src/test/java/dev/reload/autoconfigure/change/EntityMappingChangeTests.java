package dev.reload.autoconfigure.change;

import dev.reload.testsupport.SourceCompiler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link EntityMappingChange}, on class files compiled from two versions of an
 * entity.
 *
 * @author reload-spring-boot
 */
class EntityMappingChangeTests {

	private static final String NAME = "com.example.Owner";

	private static final String FIELD_ACCESS = """
			package com.example;

			import jakarta.persistence.*;

			@Entity
			@Table(name = "owners")
			public class Owner {
				@Id
				@GeneratedValue
				private Integer id;

				@Column(name = "city")
				private String city;

				private static int created;

				public String getCity() {
					return city;
				}

				@PrePersist
				void created() {
					created++;
				}
				%s
			}
			""";

	private static final String PROPERTY_ACCESS = """
			package com.example;

			import jakarta.persistence.*;

			@Entity
			public class Owner {
				private Integer id;

				@Id
				public Integer getId() {
					return id;
				}

				public void setId(Integer id) {
					this.id = id;
				}
				%s
			}
			""";

	@TempDir
	Path directory;

	@Test
	void codeOfMethodsAddedMethodsAndStaticMembersKeepTheMapping() throws IOException {
		byte[] before = compile(FIELD_ACCESS.formatted(""));
		byte[] after = compile(FIELD_ACCESS.replace("return city;", "return city.toUpperCase();")
			.formatted("@Transient public String getLabel() { return \"Owner \" + city; }\n"
					+ "public boolean livesIn(String place) { return place.equals(city); }\n"
					+ "private static final String DEFAULT = \"Madison\";"));
		assertThat(EntityMappingChange.mappingChange(NAME, before, after)).isNull();
	}

	@Test
	void addedPersistentFieldChangesTheMapping() throws IOException {
		byte[] before = compile(FIELD_ACCESS.formatted(""));
		byte[] after = compile(FIELD_ACCESS.formatted("private String telephone;"));
		assertThat(EntityMappingChange.mappingChange(NAME, before, after)).isEqualTo("its persistent fields changed");
	}

	@Test
	void changedFieldAnnotationChangesTheMapping() throws IOException {
		byte[] before = compile(FIELD_ACCESS.formatted(""));
		byte[] after = compile(
				FIELD_ACCESS.replace("@Column(name = \"city\")", "@Column(name = \"town\")").formatted(""));
		assertThat(EntityMappingChange.mappingChange(NAME, before, after)).isEqualTo("its persistent fields changed");
	}

	@Test
	void changedTableChangesTheMapping() throws IOException {
		byte[] before = compile(FIELD_ACCESS.formatted(""));
		byte[] after = compile(FIELD_ACCESS.replace("\"owners\"", "\"clients\"").formatted(""));
		assertThat(EntityMappingChange.mappingChange(NAME, before, after))
			.isEqualTo("its declaration or annotations changed");
	}

	@Test
	void removedCallbackChangesTheMapping() throws IOException {
		byte[] before = compile(FIELD_ACCESS.formatted(""));
		byte[] after = compile(FIELD_ACCESS.replace("@PrePersist", "").formatted(""));
		assertThat(EntityMappingChange.mappingChange(NAME, before, after))
			.isEqualTo("the persistence annotations of its methods changed");
	}

	@Test
	void addedGetterOfPropertyAccessChangesTheMappingUnlessTransient() throws IOException {
		byte[] before = compile(PROPERTY_ACCESS.formatted(""));
		byte[] persistent = compile(PROPERTY_ACCESS.formatted("public String getName() { return \"x\"; }"));
		byte[] notPersistent = compile(
				PROPERTY_ACCESS.formatted("@Transient public String getName() { return \"x\"; }"));
		assertThat(EntityMappingChange.mappingChange(NAME, before, persistent))
			.isEqualTo("it is mapped through its properties, and its getters changed");
		assertThat(EntityMappingChange.mappingChange(NAME, before, notPersistent)).isNull();
	}

	@Test
	void corruptClassFileIsNamed() throws IOException {
		byte[] before = compile(FIELD_ACCESS.formatted(""));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> EntityMappingChange.mappingChange(NAME, before, new byte[] { 1, 2, 3 }))
			.withMessageContaining("The class file of com.example.Owner could not be read");
	}

	private byte[] compile(String source) throws IOException {
		Path output = Files.createTempDirectory(this.directory, "classes");
		SourceCompiler.compile(output, SourceCompiler.of(NAME, source));
		return Files.readAllBytes(output.resolve("com/example/Owner.class"));
	}

}
