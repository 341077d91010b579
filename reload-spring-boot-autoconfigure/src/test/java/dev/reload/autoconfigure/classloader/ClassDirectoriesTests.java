package dev.reload.autoconfigure.classloader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ClassDirectories}.
 *
 * @author reload-spring-boot
 */
class ClassDirectoriesTests {

	@TempDir
	Path root;

	@Test
	void directoriesMatchByWholePathComponents() {
		Path p1 = this.root.resolve("srv/p1");
		ClassDirectories directories = new ClassDirectories(List.of(p1), List.of());
		assertThat(directories.className(p1.resolve("com/acme/Home.class"))).isEqualTo("com.acme.Home");
		assertThat(directories.className(this.root.resolve("srv/p10/com/acme/Home.class"))).isNull();
		assertThat(directories.rootOf(this.root.resolve("srv/p10/com/acme/Home.class"))).isNull();
	}

	@Test
	void pathsAreNormalizedBeforeMatching() {
		Path p1 = this.root.resolve("srv/p1");
		ClassDirectories directories = new ClassDirectories(List.of(p1), List.of());
		assertThat(directories.className(this.root.resolve("srv/p10/../p1/com/acme/Home.class")))
			.isEqualTo("com.acme.Home");
	}

	@Test
	void onlyClassFilesAreClasses() {
		Path p1 = this.root.resolve("p1");
		ClassDirectories directories = new ClassDirectories(List.of(p1), List.of());
		assertThat(directories.className(p1.resolve("application.yml"))).isNull();
		assertThat(directories.className(p1.resolve("com/acme/package-info.class"))).isNull();
		assertThat(directories.className(p1.resolve("module-info.class"))).isNull();
	}

	@Test
	void firstDirectoryWinsLikeOnAClasspath() throws Exception {
		Path first = Files.createDirectories(this.root.resolve("first/com/acme"));
		Path second = Files.createDirectories(this.root.resolve("second/com/acme"));
		Files.write(first.resolve("Home.class"), new byte[] { 1 });
		Files.write(second.resolve("Home.class"), new byte[] { 2 });
		Files.write(second.resolve("Away.class"), new byte[] { 3 });
		ClassDirectories directories = new ClassDirectories(
				List.of(this.root.resolve("first"), this.root.resolve("second"), this.root.resolve("missing")),
				List.of());
		assertThat(directories.findClassFiles()).containsOnlyKeys("com.acme.Home", "com.acme.Away");
		assertThat(directories.classFile("com.acme.Home")).isEqualTo(first.resolve("Home.class"));
	}

	@Test
	void resourceNamesNeverLeaveTheirDirectory() throws Exception {
		Path classes = Files.createDirectories(this.root.resolve("classes"));
		Files.writeString(classes.resolve("inside.txt"), "inside");
		Files.writeString(this.root.resolve("secret.txt"), "outside");
		ClassDirectories directories = new ClassDirectories(List.of(classes), List.of(classes));
		assertThat(directories.findResource("inside.txt")).isNotNull();
		assertThat(directories.findResource("../secret.txt")).isNull();
		assertThat(directories.findResource("a/../../secret.txt")).isNull();
		assertThat(directories.findResource(this.root.resolve("secret.txt").toString())).isNull();
		assertThat(Collections.list(directories.findResources("../secret.txt"))).isEmpty();
		// through the class loader, as a library asks
		ClassGenerations generations = new ClassGenerations(directories, Map.of(), getClass().getClassLoader(),
				(name) -> false);
		assertThat(generations.applicationClassLoader().getResource("../secret.txt")).isNull();
		assertThat(generations.applicationClassLoader().getResource("inside.txt")).isNotNull();
	}

	@Test
	void onlyTheJdkAndSpringsOwnPackagesAreNeverReloaded() {
		assertThat(ClassDirectories.isPlatformClass("java.lang.String")).isTrue();
		assertThat(ClassDirectories.isPlatformClass("org.springframework.core.io.Resource")).isTrue();
		assertThat(ClassDirectories.isPlatformClass("org.springframework.boot.SpringApplication")).isTrue();
		assertThat(ClassDirectories.isPlatformClass("org.springframework.samples.petclinic.owner.Owner")).isFalse();
		assertThat(ClassDirectories.isPlatformClass("org.springframeworkx.Thing")).isFalse();
		assertThat(ClassDirectories.isPlatformClass("com.acme.Thing")).isFalse();
	}

}
