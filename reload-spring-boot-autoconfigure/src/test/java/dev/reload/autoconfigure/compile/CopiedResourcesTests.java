package dev.reload.autoconfigure.compile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which saved resources are copied to the class directory, as an IDE copies them: all of
 * them but Spring Boot's configuration files, which the build filters.
 *
 * @author reload-spring-boot
 */
class CopiedResourcesTests {

	@TempDir
	Path project;

	@Test
	void everyResourceButSpringBootsConfigurationFilesIsCopied() throws IOException {
		Path resources = Files.createDirectories(this.project.resolve("src/main/resources"));
		Path classes = Files.createDirectories(this.project.resolve("target/classes"));
		CopiedResources copied = new CopiedResources(Map.of(resources, classes));
		assertThat(copied.isCopied(write(resources, "templates/welcome.html"))).isTrue();
		assertThat(copied.isCopied(write(resources, "static/clinic.css"))).isTrue();
		assertThat(copied.isCopied(write(resources, "db/h2/schema.sql"))).isTrue();
		assertThat(copied.isCopied(write(resources, "messages/messages_de.properties"))).isTrue();
		assertThat(copied.isCopied(write(resources, "application.yml"))).isFalse();
		assertThat(copied.isCopied(write(resources, "config/application-dev.properties"))).isFalse();
		assertThat(copied.isCopied(write(resources, "application.yaml"))).isFalse();
		assertThat(copied.isCopied(resources.resolve("db"))).isFalse();
		// what editors write beside the file they edit
		assertThat(copied.isCopied(write(resources, "db/h2/.schema.sql.swp"))).isFalse();
		assertThat(copied.isCopied(write(resources, "db/h2/schema.sql~"))).isFalse();
		assertThat(copied.isCopied(write(resources, "db/h2/schema.sql___jb_tmp___"))).isFalse();
		assertThat(copied.isCopied(write(this.project, "src/main/java/Vet.sql"))).isFalse();
	}

	@Test
	void aCopyIsWrittenOnlyWhenItDiffersAndDeletedWithItsResource() throws IOException {
		Path resources = Files.createDirectories(this.project.resolve("src/main/resources"));
		Path classes = Files.createDirectories(this.project.resolve("target/classes"));
		CopiedResources copied = new CopiedResources(Map.of(resources, classes));
		Path schema = write(resources, "db/h2/schema.sql");
		assertThat(copied.copy(Set.of(schema))).containsExactly(classes.resolve("db/h2/schema.sql"));
		assertThat(classes.resolve("db/h2/schema.sql")).hasContent("db/h2/schema.sql");
		assertThat(copied.copy(Set.of(schema))).isEmpty();
		Files.delete(schema);
		assertThat(copied.copy(Set.of(schema))).containsExactly(classes.resolve("db/h2/schema.sql"));
		assertThat(classes.resolve("db/h2/schema.sql")).doesNotExist();
		assertThat(List.of(classes.resolve("db/h2").toFile().list())).isEmpty();
	}

	private static Path write(Path root, String name) throws IOException {
		Path file = root.resolve(name);
		Files.createDirectories(file.getParent());
		return Files.writeString(file, name);
	}

}
