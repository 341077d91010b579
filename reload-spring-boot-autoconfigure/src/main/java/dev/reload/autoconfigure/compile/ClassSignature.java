package dev.reload.autoconfigure.compile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.asm.AnnotationVisitor;
import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.FieldVisitor;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;
import org.springframework.asm.RecordComponentVisitor;
import org.springframework.asm.SpringAsmInfo;

/**
 * What other classes compile against in a class file: its name, kind, supertypes, its
 * non-private fields (with their constant values, which compilers copy into the classes
 * that read them) and methods, record components, permitted subclasses and member
 * classes. Method bodies and private members are not part of it: a change to those alone
 * needs no other source compiled again.
 *
 * @author reload-spring-boot
 */
final class ClassSignature {

	private ClassSignature() {
	}

	/**
	 * Return the signature of a class file as text that is equal for two class files
	 * exactly when classes compiled against one compile the same against the other.
	 * @param classFile the class file
	 * @return the signature
	 */
	static String of(byte[] classFile) {
		List<String> members = new ArrayList<>();
		StringBuilder header = new StringBuilder();
		new ClassReader(classFile).accept(new ClassVisitor(SpringAsmInfo.ASM_VERSION) {

			private boolean annotationType;

			@Override
			public void visit(int version, int access, String name, @Nullable String signature,
					@Nullable String superName, String @Nullable [] interfaces) {
				this.annotationType = (access & Opcodes.ACC_ANNOTATION) != 0;
				header.append(access & ~Opcodes.ACC_SUPER)
					.append(' ')
					.append(name)
					.append(' ')
					.append(signature)
					.append(' ')
					.append(superName)
					.append(' ')
					.append((interfaces != null) ? Arrays.toString(interfaces) : "[]");
			}

			@Override
			public @Nullable AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
				// annotations can change what compiles (@FunctionalInterface, @Deprecated
				// for removal) and what processors generate
				members.add("@" + descriptor);
				return null;
			}

			@Override
			public void visitPermittedSubclass(String permittedSubclass) {
				members.add("permits " + permittedSubclass);
			}

			@Override
			public void visitInnerClass(String name, @Nullable String outerName, @Nullable String innerName,
					int access) {
				if ((access & Opcodes.ACC_PRIVATE) == 0) {
					members.add("inner " + name + " " + outerName + " " + innerName + " " + access);
				}
			}

			@Override
			public @Nullable RecordComponentVisitor visitRecordComponent(String name, String descriptor,
					@Nullable String signature) {
				members.add("component " + name + " " + descriptor + " " + signature);
				return null;
			}

			@Override
			public @Nullable FieldVisitor visitField(int access, String name, String descriptor,
					@Nullable String signature, @Nullable Object value) {
				if ((access & Opcodes.ACC_PRIVATE) == 0) {
					members.add("field " + access + " " + name + " " + descriptor + " " + signature + " " + value);
				}
				return null;
			}

			@Override
			public @Nullable MethodVisitor visitMethod(int access, String name, String descriptor,
					@Nullable String signature, String @Nullable [] exceptions) {
				if ((access & Opcodes.ACC_PRIVATE) != 0 || (access & Opcodes.ACC_SYNTHETIC) != 0) {
					return null;
				}
				String method = "method " + access + " " + name + descriptor + " " + signature + " "
						+ ((exceptions != null) ? Arrays.toString(exceptions) : "[]");
				if (!this.annotationType) {
					members.add(method);
					return null;
				}
				// an annotation's element defaults are compiled into the classes using it
				return new MethodVisitor(SpringAsmInfo.ASM_VERSION) {

					private final StringBuilder text = new StringBuilder(method);

					@Override
					public @Nullable AnnotationVisitor visitAnnotationDefault() {
						return new AnnotationVisitor(SpringAsmInfo.ASM_VERSION) {

							@Override
							public void visit(@Nullable String name, Object value) {
								text.append(" default ")
									.append(value.getClass().isArray() ? Arrays.deepToString(new Object[] { value })
											: value);
							}

							@Override
							public void visitEnum(@Nullable String name, String descriptor, String value) {
								text.append(" default ").append(descriptor).append('.').append(value);
							}

						};
					}

					@Override
					public void visitEnd() {
						members.add(this.text.toString());
					}

				};
			}

		}, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
		Collections.sort(members);
		return header + "\n" + String.join("\n", members);
	}

	/**
	 * Return the constants of a class file: the fields with a constant value, which a
	 * compiler copies into the classes that read them, leaving no reference to the class
	 * in their class files.
	 * @param classFile the class file
	 * @return the constants, as text
	 */
	static String constants(byte[] classFile) {
		List<String> constants = new ArrayList<>();
		new ClassReader(classFile).accept(new ClassVisitor(SpringAsmInfo.ASM_VERSION) {

			@Override
			public @Nullable FieldVisitor visitField(int access, String name, String descriptor,
					@Nullable String signature, @Nullable Object value) {
				if (value != null && (access & Opcodes.ACC_PRIVATE) == 0) {
					constants.add(name + "=" + value);
				}
				return null;
			}

		}, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
		Collections.sort(constants);
		return String.join("\n", constants);
	}

}
