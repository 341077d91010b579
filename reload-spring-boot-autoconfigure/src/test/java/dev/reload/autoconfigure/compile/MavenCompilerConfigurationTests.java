package dev.reload.autoconfigure.compile;

import java.nio.file.Files;
import java.nio.file.Path;

import dev.reload.autoconfigure.compile.MavenCompilerConfiguration.Coordinates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link MavenCompilerConfiguration}.
 *
 * @author reload-spring-boot
 */
class MavenCompilerConfigurationTests {

	@TempDir
	Path project;

	@Test
	void readsTheCompilerPluginsSettings() throws Exception {
		Files.writeString(this.project.resolve("pom.xml"), """
				<project>
					<properties>
						<project.build.sourceEncoding>ISO-8859-1</project.build.sourceEncoding>
						<lombok.version>1.18.42</lombok.version>
					</properties>
					<build>
						<plugins>
							<plugin>
								<groupId>org.apache.maven.plugins</groupId>
								<artifactId>maven-compiler-plugin</artifactId>
								<configuration>
									<annotationProcessorPaths>
										<path>
											<groupId>org.projectlombok</groupId>
											<artifactId>lombok</artifactId>
											<version>${lombok.version}</version>
										</path>
										<path>
											<groupId>org.mapstruct</groupId>
											<artifactId>mapstruct-processor</artifactId>
										</path>
									</annotationProcessorPaths>
									<compilerArgs>
										<arg>-Amapstruct.defaultComponentModel=spring</arg>
										<arg>-Xlint:all</arg>
									</compilerArgs>
								</configuration>
							</plugin>
						</plugins>
					</build>
				</project>
				""");
		MavenCompilerConfiguration configuration = MavenCompilerConfiguration.of(sourceRoot());
		assertThat(configuration.encoding()).isEqualTo("ISO-8859-1");
		assertThat(configuration.processingOff()).isFalse();
		assertThat(configuration.processorPaths()).containsExactly(
				new Coordinates("org.projectlombok", "lombok", "1.18.42"),
				new Coordinates("org.mapstruct", "mapstruct-processor", null));
		assertThat(configuration.processorOptions()).containsExactly("-Amapstruct.defaultComponentModel=spring");
	}

	@Test
	void readsProcessingOffFromPluginManagement() throws Exception {
		Files.writeString(this.project.resolve("pom.xml"), """
				<project>
					<build>
						<pluginManagement>
							<plugins>
								<plugin>
									<artifactId>maven-compiler-plugin</artifactId>
									<configuration>
										<proc>none</proc>
									</configuration>
								</plugin>
							</plugins>
						</pluginManagement>
					</build>
				</project>
				""");
		MavenCompilerConfiguration configuration = MavenCompilerConfiguration.of(sourceRoot());
		assertThat(configuration.processingOff()).isTrue();
		assertThat(configuration.processorPaths()).isNull();
		assertThat(configuration.encoding()).isNull();
	}

	@Test
	void noBuildFileMeansNoSettings() {
		assertThat(MavenCompilerConfiguration.of(sourceRoot())).isSameAs(MavenCompilerConfiguration.NONE);
	}

	@Test
	void aBuildFileThatDeclaresADoctypeIsRefusedNamingIt() throws Exception {
		Path pom = Files.writeString(this.project.resolve("pom.xml"),
				"<!DOCTYPE project [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><project>&x;</project>");
		assertThatIllegalStateException().isThrownBy(() -> MavenCompilerConfiguration.of(sourceRoot()))
			.withMessageContaining(pom.toString());
	}

	private Path sourceRoot() {
		return this.project.resolve("src/main/java");
	}

}
