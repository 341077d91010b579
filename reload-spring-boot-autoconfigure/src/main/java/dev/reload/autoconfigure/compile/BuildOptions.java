package dev.reload.autoconfigure.compile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import dev.reload.autoconfigure.compile.MavenCompilerConfiguration.Coordinates;
import org.jspecify.annotations.Nullable;

import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.SpringAsmInfo;

/**
 * The options the build compiled the reload directories' classes with, so that a class
 * compiled in-process is compiled as the build would: the release level and
 * {@code -parameters}, read from the class files the build wrote; the encoding,
 * annotation processing and the processor path, read from the Maven build file.
 *
 * @param release the {@code --release} level
 * @param parameters whether to keep parameter names ({@code -parameters})
 * @param encoding the source encoding
 * @param processingOff whether annotation processing is off ({@code -proc:none})
 * @param processorPath where the processors are, or {@code null} to find them on the
 * class path, as {@code javac} does when the build names none
 * @param missingProcessors processors the build names that were found nowhere
 * @param processorOptions the {@code -A} options the build passes
 * @author reload-spring-boot
 */
record BuildOptions(int release, boolean parameters, String encoding, boolean processingOff,
		@Nullable List<Path> processorPath, List<String> missingProcessors, List<String> processorOptions) {

	/** How many class files to look at for {@code -parameters}. */
	private static final int SAMPLE_SIZE = 200;

	/**
	 * Find the options the build used.
	 * @param sourceRoots the source roots
	 * @param classDirectories the class directories the build wrote
	 * @param classpath the application's class path, where processors may be
	 * @return the options
	 */
	static BuildOptions detect(List<Path> sourceRoots, List<Path> classDirectories, List<Path> classpath) {
		MavenCompilerConfiguration maven = sourceRoots.stream()
			.map(MavenCompilerConfiguration::of)
			.filter((configuration) -> configuration != MavenCompilerConfiguration.NONE)
			.findFirst()
			.orElse(MavenCompilerConfiguration.NONE);
		ClassFiles sample = ClassFiles.sample(classDirectories);
		List<Path> processorPath = null;
		List<String> missing = new ArrayList<>();
		if (maven.processorPaths() != null) {
			processorPath = new ArrayList<>();
			for (Coordinates coordinates : maven.processorPaths()) {
				Path jar = findJar(coordinates, classpath);
				if (jar != null) {
					processorPath.add(jar);
				}
				else {
					missing.add(coordinates.toString());
				}
			}
		}
		String encoding = (maven.encoding() != null) ? maven.encoding() : "UTF-8";
		return new BuildOptions(sample.release(), sample.parameters(), encoding, maven.processingOff(),
				(processorPath != null) ? List.copyOf(processorPath) : null, List.copyOf(missing),
				maven.processorOptions());
	}

	/**
	 * Return the options for {@code javac}, without the paths.
	 * @return the options
	 */
	List<String> compilerOptions() {
		List<String> options = new ArrayList<>(List.of("--release", Integer.toString(this.release), "-encoding",
				this.encoding, "-g", "-implicit:none", "-Xlint:none"));
		if (this.parameters) {
			options.add("-parameters");
		}
		if (this.processingOff) {
			options.add("-proc:none");
		}
		else if (this.processorPath == null && Runtime.version().feature() >= 21) {
			// since JDK 23 javac runs processors found on the class path only when asked
			options.add("-proc:full");
		}
		options.addAll(this.processorOptions);
		return options;
	}

	private static @Nullable Path findJar(Coordinates coordinates, List<Path> classpath) {
		String directory = "/" + coordinates.groupId().replace('.', '/') + "/" + coordinates.artifactId() + "/";
		for (Path entry : classpath) {
			String path = entry.toString().replace('\\', '/');
			if (path.contains(directory) && entry.getFileName().toString().startsWith(coordinates.artifactId() + "-")
					&& path.endsWith(".jar")) {
				return entry;
			}
		}
		Path artifact = localRepository().resolve(coordinates.groupId().replace('.', '/'))
			.resolve(coordinates.artifactId());
		String version = coordinates.version();
		if (version == null) {
			version = newestVersion(artifact);
		}
		if (version == null) {
			return null;
		}
		Path jar = artifact.resolve(version).resolve(coordinates.artifactId() + "-" + version + ".jar");
		return Files.isRegularFile(jar) ? jar : null;
	}

	private static Path localRepository() {
		String configured = System.getProperty("maven.repo.local");
		return (configured != null) ? Path.of(configured)
				: Path.of(System.getProperty("user.home"), ".m2", "repository");
	}

	private static @Nullable String newestVersion(Path artifact) {
		if (!Files.isDirectory(artifact)) {
			return null;
		}
		try (Stream<Path> versions = Files.list(artifact)) {
			return versions.filter(Files::isDirectory)
				.map((version) -> version.getFileName().toString())
				.filter((version) -> !version.endsWith("-SNAPSHOT"))
				.max(Comparator.comparing(BuildOptions::versionKey))
				.orElse(null);
		}
		catch (IOException ex) {
			return null;
		}
	}

	private static String versionKey(String version) {
		// numeric parts padded, so that 1.18.42 sorts after 1.18.9
		StringBuilder key = new StringBuilder();
		for (String part : version.split("[.-]")) {
			key.append(part.chars().allMatch(Character::isDigit) ? "%10s".formatted(part) : part).append('.');
		}
		return key.toString();
	}

	/**
	 * What a sample of the build's class files says of how they were compiled.
	 */
	private record ClassFiles(int release, boolean parameters) {

		static ClassFiles sample(List<Path> classDirectories) {
			int runtime = Runtime.version().feature();
			int release = runtime;
			boolean releaseFound = false;
			AtomicBoolean parameters = new AtomicBoolean();
			int looked = 0;
			for (Path directory : classDirectories) {
				if (!Files.isDirectory(directory)) {
					continue;
				}
				try (Stream<Path> files = Files.walk(directory)) {
					Iterator<Path> classFiles = files.filter((file) -> file.toString().endsWith(".class")).iterator();
					while (classFiles.hasNext() && looked < SAMPLE_SIZE && !parameters.get()) {
						byte[] bytes = read(classFiles.next());
						if (bytes == null || bytes.length < 8) {
							continue;
						}
						looked++;
						if (!releaseFound) {
							int major = ((bytes[6] & 0xFF) << 8) | (bytes[7] & 0xFF);
							release = Math.min(runtime, Math.max(8, major - 44));
							releaseFound = true;
						}
						readParameters(bytes, parameters);
					}
				}
				catch (IOException | RuntimeException ex) {
					// a directory being rewritten: what was seen is enough
				}
			}
			return new ClassFiles(release, parameters.get());
		}

		private static byte @Nullable [] read(Path file) {
			try (InputStream in = Files.newInputStream(file)) {
				return in.readAllBytes();
			}
			catch (IOException ex) {
				return null;
			}
		}

		private static void readParameters(byte[] bytes, AtomicBoolean parameters) {
			new ClassReader(bytes).accept(new ClassVisitor(SpringAsmInfo.ASM_VERSION) {

				@Override
				public MethodVisitor visitMethod(int access, String name, String descriptor, @Nullable String signature,
						String @Nullable [] exceptions) {
					return new MethodVisitor(SpringAsmInfo.ASM_VERSION) {

						@Override
						public void visitParameter(@Nullable String parameterName, int parameterAccess) {
							parameters.set(true);
						}

					};
				}

			}, ClassReader.SKIP_CODE | ClassReader.SKIP_FRAMES);
		}

	}

}
