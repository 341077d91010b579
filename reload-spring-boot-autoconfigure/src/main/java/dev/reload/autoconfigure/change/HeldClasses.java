package dev.reload.autoconfigure.change;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import org.springframework.asm.AnnotationVisitor;
import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;
import org.springframework.asm.SpringAsmInfo;

/**
 * Finds the classes that a framework holds on to beyond the beans, read from their class
 * files: configuration classes ({@code @Configuration}, {@code @Import}, a class with
 * {@code @Bean} methods), whose bean definitions were read when the context started,
 * JPA's managed types ({@code @Entity}, {@code @Embeddable}, {@code @MappedSuperclass}),
 * which Hibernate's model keeps from start-up, and Spring Data repository interfaces,
 * whose proxies are bound to the interface they were created for (the reload transaction
 * rebuilds in place those whose repository beans it knows). A new definition of one of
 * them would give the application two classes of that name, the framework's and the new
 * code's ({@code Owner cannot be cast to Owner}), so a change that reaches one needs a
 * restart; a configuration class whose beans the reload knows is instead compared with
 * its new class file ({@link ConfigurationClassChange}), and applied in place when only
 * code changed.
 *
 * @author reload-spring-boot
 */
public final class HeldClasses {

	private static final Map<String, String> PERSISTENCE_ANNOTATIONS = Map.of("Ljakarta/persistence/Entity;",
			"a JPA entity", "Ljakarta/persistence/Embeddable;", "a JPA embeddable",
			"Ljakarta/persistence/MappedSuperclass;", "a JPA mapped superclass", "Ljavax/persistence/Entity;",
			"a JPA entity", "Ljavax/persistence/Embeddable;", "a JPA embeddable",
			"Ljavax/persistence/MappedSuperclass;", "a JPA mapped superclass");

	private static final String REPOSITORY_DEFINITION = "Lorg/springframework/data/repository/RepositoryDefinition;";

	/** Annotations whose classes declare or register beans when the context starts. */
	private static final Set<String> CONFIGURATION_ANNOTATIONS = Set.of(
			"Lorg/springframework/context/annotation/Configuration;",
			"Lorg/springframework/boot/SpringBootConfiguration;",
			"Lorg/springframework/boot/autoconfigure/SpringBootApplication;",
			"Lorg/springframework/boot/autoconfigure/AutoConfiguration;",
			"Lorg/springframework/boot/test/context/TestConfiguration;",
			"Lorg/springframework/context/annotation/Import;", "Lorg/springframework/context/annotation/ComponentScan;",
			"Lorg/springframework/boot/context/properties/EnableConfigurationProperties;",
			"Lorg/springframework/boot/context/properties/ConfigurationPropertiesScan;");

	private static final String BEAN = "Lorg/springframework/context/annotation/Bean;";

	/**
	 * What {@link #among} says a Spring Data repository interface is.
	 */
	public static final String REPOSITORY = "a Spring Data repository";

	private HeldClasses() {
	}

	/**
	 * Return whether what {@link #among} says a class is makes it a JPA managed type.
	 * @param kind what the class is
	 * @return whether it is an entity, an embeddable or a mapped superclass
	 */
	public static boolean isManagedType(String kind) {
		return PERSISTENCE_ANNOTATIONS.containsValue(kind);
	}

	/**
	 * Return those of the given classes that a framework holds on to, with what each is.
	 * @param classNames the classes to look at
	 * @param classFiles the class file of a class under the reload directories, or
	 * {@code null} for another class
	 * @return what each held class is, by class name
	 */
	public static Map<String, String> among(Set<String> classNames, Function<String, byte @Nullable []> classFiles) {
		Map<String, String> held = new TreeMap<>();
		for (String name : classNames) {
			byte[] bytes = classFiles.apply(name);
			if (bytes == null) {
				continue;
			}
			String kind = kind(bytes, classFiles);
			if (kind != null) {
				held.put(name, kind);
			}
		}
		return held;
	}

	private static @Nullable String kind(byte[] bytes, Function<String, byte @Nullable []> classFiles) {
		Header header = Header.of(bytes);
		if (header.persistence() != null) {
			return header.persistence();
		}
		if (header.configuration()) {
			return "a configuration class, whose bean definitions were read at start-up";
		}
		if (header.isInterface() && isRepository(header, classFiles)) {
			return REPOSITORY;
		}
		return null;
	}

	private static boolean isRepository(Header start, Function<String, byte @Nullable []> classFiles) {
		Deque<Header> queue = new ArrayDeque<>();
		Set<String> seen = new HashSet<>();
		queue.add(start);
		while (!queue.isEmpty()) {
			Header header = queue.pop();
			if (header.repositoryDefinition()) {
				return true;
			}
			for (String parent : header.interfaces()) {
				String name = parent.replace('/', '.');
				if (name.startsWith("org.springframework.data.") && name.endsWith("Repository")) {
					return true;
				}
				byte[] bytes = seen.add(name) ? classFiles.apply(name) : null;
				if (bytes != null) {
					queue.add(Header.of(bytes));
				}
			}
		}
		return false;
	}

	private record Header(boolean isInterface, String[] interfaces, @Nullable String persistence,
			boolean repositoryDefinition, boolean configuration) {

		static Header of(byte[] bytes) {
			String[][] interfaces = { new String[0] };
			boolean[] flags = new boolean[3];
			String[] persistence = new String[1];
			new ClassReader(bytes).accept(new ClassVisitor(SpringAsmInfo.ASM_VERSION) {

				@Override
				public void visit(int version, int access, String name, @Nullable String signature,
						@Nullable String superName, String @Nullable [] parents) {
					flags[0] = (access & Opcodes.ACC_INTERFACE) != 0;
					interfaces[0] = (parents != null) ? parents : new String[0];
				}

				@Override
				public @Nullable AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
					String kind = PERSISTENCE_ANNOTATIONS.get(descriptor);
					if (kind != null) {
						persistence[0] = kind;
					}
					flags[1] |= REPOSITORY_DEFINITION.equals(descriptor);
					flags[2] |= CONFIGURATION_ANNOTATIONS.contains(descriptor);
					return null;
				}

				@Override
				public @Nullable MethodVisitor visitMethod(int access, String name, String descriptor,
						@Nullable String signature, String @Nullable [] exceptions) {
					return new MethodVisitor(SpringAsmInfo.ASM_VERSION) {

						@Override
						public @Nullable AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
							flags[2] |= BEAN.equals(annotation);
							return null;
						}

					};
				}

			}, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
			return new Header(flags[0], interfaces[0], persistence[0], flags[1], flags[2]);
		}

	}

}
