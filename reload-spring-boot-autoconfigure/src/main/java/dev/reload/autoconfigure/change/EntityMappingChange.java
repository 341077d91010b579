package dev.reload.autoconfigure.change;

import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import org.springframework.asm.AnnotationVisitor;
import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.FieldVisitor;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;
import org.springframework.asm.RecordComponentVisitor;
import org.springframework.asm.SpringAsmInfo;
import org.springframework.util.Assert;

/**
 * Whether a JPA managed type ({@code @Entity}, {@code @Embeddable},
 * {@code @MappedSuperclass}) changed its mapping between the class file it runs and a new
 * one, read from both. The mapping is what a persistence provider reads from the class:
 * its declaration and annotations, its instance fields with theirs, the methods that
 * carry persistence annotations (property access, lifecycle callbacks), and, for a class
 * mapped through its properties, which getters it has that are not {@code @Transient}.
 * Anything else, the code of its methods, methods added or removed without persistence
 * annotations, static members, is not: a persistence unit built again from the new class
 * maps it to the same tables and columns.
 *
 * @author reload-spring-boot
 */
public final class EntityMappingChange {

	/** Annotation packages a persistence provider reads. */
	private static final String[] MAPPING_ANNOTATIONS = { "Ljakarta/persistence/", "Ljavax/persistence/",
			"Lorg/hibernate/annotations/" };

	/** Method annotations that are callbacks, not a sign of property access. */
	private static final Set<String> CALLBACKS = Set.of("PrePersist;", "PostPersist;", "PreRemove;", "PostRemove;",
			"PreUpdate;", "PostUpdate;", "PostLoad;");

	private EntityMappingChange() {
	}

	/**
	 * Return why the new class file of a managed type maps it differently, if it does.
	 * @param className the class name
	 * @param before the class file it runs
	 * @param after the new class file
	 * @return what changed in its mapping, or {@code null} if only its code did
	 */
	public static @Nullable String mappingChange(String className, byte[] before, byte[] after) {
		Assert.notNull(className, "'className' must not be null");
		Mapping previous = Mapping.read(className, before);
		Mapping next = Mapping.read(className, after);
		if (!previous.declaration.toString().equals(next.declaration.toString())) {
			return "its declaration or annotations changed";
		}
		if (!previous.fields.equals(next.fields)) {
			return "its persistent fields changed";
		}
		if (!previous.annotatedMethods.equals(next.annotatedMethods)) {
			return "the persistence annotations of its methods changed";
		}
		if ((previous.propertyAccess || next.propertyAccess) && !previous.getters.equals(next.getters)) {
			return "it is mapped through its properties, and its getters changed";
		}
		return null;
	}

	private static boolean isMappingAnnotation(String descriptor) {
		for (String prefix : MAPPING_ANNOTATIONS) {
			if (descriptor.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

	private static final class Mapping extends ClassVisitor {

		private final StringBuilder declaration = new StringBuilder();

		private final Set<String> fields = new TreeSet<>();

		private final Set<String> annotatedMethods = new TreeSet<>();

		private final Set<String> getters = new TreeSet<>();

		private boolean propertyAccess;

		private Mapping() {
			super(SpringAsmInfo.ASM_VERSION);
		}

		static Mapping read(String className, byte[] bytes) {
			Mapping mapping = new Mapping();
			try {
				new ClassReader(bytes).accept(mapping,
						ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
			}
			catch (RuntimeException ex) {
				throw new IllegalArgumentException("The class file of " + className + " could not be read: " + ex, ex);
			}
			return mapping;
		}

		@Override
		public void visit(int version, int access, String name, @Nullable String signature, @Nullable String superName,
				String @Nullable [] interfaces) {
			ClassFileText.declaration(this.declaration, access, signature, superName, interfaces);
		}

		@Override
		public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
			return new AnnotationText(this.declaration.append(" @").append(descriptor));
		}

		@Override
		public RecordComponentVisitor visitRecordComponent(String name, String descriptor, @Nullable String signature) {
			StringBuilder text = this.declaration.append(" record ").append(name).append(' ').append(descriptor);
			return new RecordComponentVisitor(SpringAsmInfo.ASM_VERSION) {

				@Override
				public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
					return new AnnotationText(text.append(" @").append(annotation));
				}

			};
		}

		@Override
		public @Nullable FieldVisitor visitField(int access, String name, String descriptor, @Nullable String signature,
				@Nullable Object value) {
			if ((access & Opcodes.ACC_STATIC) != 0) {
				return null;
			}
			StringBuilder text = new StringBuilder().append(access)
				.append(' ')
				.append(name)
				.append(' ')
				.append(descriptor)
				.append(' ')
				.append(signature);
			return ClassFileText.field(text, this.fields::add);
		}

		@Override
		public @Nullable MethodVisitor visitMethod(int access, String name, String descriptor,
				@Nullable String signature, String @Nullable [] exceptions) {
			if ((access & Opcodes.ACC_STATIC) != 0) {
				return null;
			}
			boolean getter = (name.startsWith("get") || name.startsWith("is")) && descriptor.startsWith("()")
					&& !descriptor.endsWith(")V");
			StringBuilder text = new StringBuilder().append(name).append(descriptor);
			// [0]: carries a mapping annotation, [1]: marked as not mapped
			boolean[] marks = new boolean[2];
			return new MethodVisitor(SpringAsmInfo.ASM_VERSION) {

				@Override
				public @Nullable AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
					if (!isMappingAnnotation(annotation)) {
						return null;
					}
					if (annotation.endsWith("/Transient;")) {
						// a helper the provider is told to leave alone
						marks[1] = true;
						return null;
					}
					marks[0] = true;
					if (CALLBACKS.stream().noneMatch(annotation::endsWith)) {
						Mapping.this.propertyAccess = true;
					}
					return new AnnotationText(text.append(" @").append(annotation));
				}

				@Override
				public void visitEnd() {
					if (marks[0]) {
						Mapping.this.annotatedMethods.add(text.toString());
					}
					if (getter && !marks[1]) {
						Mapping.this.getters.add(name + descriptor + " " + signature);
					}
				}

			};
		}

	}

}
