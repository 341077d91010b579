package dev.reload.autoconfigure.change;

import java.util.HashSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.asm.AnnotationVisitor;
import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.ConstantDynamic;
import org.springframework.asm.FieldVisitor;
import org.springframework.asm.Handle;
import org.springframework.asm.Label;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.RecordComponentVisitor;
import org.springframework.asm.SpringAsmInfo;
import org.springframework.asm.Type;

/**
 * Reads the names of every class a class file refers to (superclass, interfaces, member
 * and instruction descriptors, annotations, nest members), with the ASM that Spring
 * ships. A class that refers to a changed class must be redefined with it: the JVM binds
 * a class's references once, to the generation that loaded it.
 *
 * @author reload-spring-boot
 */
final class ClassReferences {

	private ClassReferences() {
	}

	/**
	 * Return the binary names of the classes the given class file refers to, without the
	 * class itself.
	 * @param classFile the class file's bytes
	 * @return the referenced class names, such as {@code com.acme.Foo$Bar}
	 * @throws IllegalArgumentException if the bytes are not a class file
	 */
	static Set<String> of(byte[] classFile) {
		ClassReader reader = new ClassReader(classFile);
		Collector collector = new Collector();
		reader.accept(collector, ClassReader.SKIP_FRAMES);
		collector.names.remove(reader.getClassName().replace('/', '.'));
		return collector.names;
	}

	private static final class Collector extends ClassVisitor {

		private final Set<String> names = new HashSet<>();

		private final AnnotationVisitor annotationVisitor = new AnnotationVisitor(SpringAsmInfo.ASM_VERSION) {

			@Override
			public void visit(@Nullable String name, Object value) {
				constant(value);
			}

			@Override
			public void visitEnum(@Nullable String name, String descriptor, String value) {
				descriptor(descriptor);
			}

			@Override
			public AnnotationVisitor visitAnnotation(@Nullable String name, String descriptor) {
				descriptor(descriptor);
				return this;
			}

			@Override
			public AnnotationVisitor visitArray(@Nullable String name) {
				return this;
			}

		};

		private final FieldVisitor fieldVisitor = new FieldVisitor(SpringAsmInfo.ASM_VERSION) {

			@Override
			public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
				return annotation(descriptor);
			}

		};

		private final RecordComponentVisitor recordComponentVisitor = new RecordComponentVisitor(
				SpringAsmInfo.ASM_VERSION) {

			@Override
			public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
				return annotation(descriptor);
			}

		};

		private final MethodVisitor methodVisitor = new MethodVisitor(SpringAsmInfo.ASM_VERSION) {

			@Override
			public AnnotationVisitor visitAnnotationDefault() {
				return Collector.this.annotationVisitor;
			}

			@Override
			public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
				return annotation(descriptor);
			}

			@Override
			public AnnotationVisitor visitParameterAnnotation(int parameter, String descriptor, boolean visible) {
				return annotation(descriptor);
			}

			@Override
			public void visitTypeInsn(int opcode, String type) {
				internalName(type);
			}

			@Override
			public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
				internalName(owner);
				descriptor(descriptor);
			}

			@Override
			public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
				internalName(owner);
				descriptor(descriptor);
			}

			@Override
			public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrapMethodHandle,
					Object... bootstrapMethodArguments) {
				descriptor(descriptor);
				constant(bootstrapMethodHandle);
				for (Object argument : bootstrapMethodArguments) {
					constant(argument);
				}
			}

			@Override
			public void visitLdcInsn(Object value) {
				constant(value);
			}

			@Override
			public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
				descriptor(descriptor);
			}

			@Override
			public void visitTryCatchBlock(Label start, Label end, Label handler, @Nullable String type) {
				if (type != null) {
					internalName(type);
				}
			}

		};

		Collector() {
			super(SpringAsmInfo.ASM_VERSION);
		}

		@Override
		public void visit(int version, int access, String name, @Nullable String signature, @Nullable String superName,
				String @Nullable [] interfaces) {
			if (superName != null) {
				internalName(superName);
			}
			if (interfaces != null) {
				for (String each : interfaces) {
					internalName(each);
				}
			}
		}

		@Override
		public void visitOuterClass(String owner, @Nullable String name, @Nullable String descriptor) {
			internalName(owner);
			if (descriptor != null) {
				descriptor(descriptor);
			}
		}

		@Override
		public void visitNestHost(String nestHost) {
			internalName(nestHost);
		}

		@Override
		public void visitNestMember(String nestMember) {
			internalName(nestMember);
		}

		@Override
		public void visitPermittedSubclass(String permittedSubclass) {
			internalName(permittedSubclass);
		}

		@Override
		public void visitInnerClass(String name, @Nullable String outerName, @Nullable String innerName, int access) {
			internalName(name);
			if (outerName != null) {
				internalName(outerName);
			}
		}

		@Override
		public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
			return annotation(descriptor);
		}

		@Override
		public RecordComponentVisitor visitRecordComponent(String name, String descriptor, @Nullable String signature) {
			descriptor(descriptor);
			return this.recordComponentVisitor;
		}

		@Override
		public FieldVisitor visitField(int access, String name, String descriptor, @Nullable String signature,
				@Nullable Object value) {
			descriptor(descriptor);
			return this.fieldVisitor;
		}

		@Override
		public MethodVisitor visitMethod(int access, String name, String descriptor, @Nullable String signature,
				String @Nullable [] exceptions) {
			descriptor(descriptor);
			if (exceptions != null) {
				for (String each : exceptions) {
					internalName(each);
				}
			}
			return this.methodVisitor;
		}

		private AnnotationVisitor annotation(String descriptor) {
			descriptor(descriptor);
			return this.annotationVisitor;
		}

		private void constant(Object value) {
			if (value instanceof Type type) {
				type(type);
			}
			else if (value instanceof Handle handle) {
				internalName(handle.getOwner());
				descriptor(handle.getDesc());
			}
			else if (value instanceof ConstantDynamic constantDynamic) {
				descriptor(constantDynamic.getDescriptor());
				constant(constantDynamic.getBootstrapMethod());
				for (int i = 0; i < constantDynamic.getBootstrapMethodArgumentCount(); i++) {
					constant(constantDynamic.getBootstrapMethodArgument(i));
				}
			}
		}

		private void descriptor(String descriptor) {
			type((descriptor.charAt(0) == '(') ? Type.getMethodType(descriptor) : Type.getType(descriptor));
		}

		private void type(Type type) {
			switch (type.getSort()) {
				case Type.ARRAY -> type(type.getElementType());
				case Type.OBJECT -> internalName(type.getInternalName());
				case Type.METHOD -> {
					type(type.getReturnType());
					for (Type argument : type.getArgumentTypes()) {
						type(argument);
					}
				}
				default -> {
				}
			}
		}

		private void internalName(String internalName) {
			if (internalName.startsWith("[")) {
				type(Type.getType(internalName));
			}
			else {
				this.names.add(internalName.replace('/', '.'));
			}
		}

	}

}
