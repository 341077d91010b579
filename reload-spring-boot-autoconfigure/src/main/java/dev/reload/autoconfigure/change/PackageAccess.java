package dev.reload.autoconfigure.change;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.FieldVisitor;
import org.springframework.asm.Handle;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;
import org.springframework.asm.SpringAsmInfo;
import org.springframework.asm.Type;

/**
 * Finds the classes of its own package that a class reaches with package access: a class
 * that is not public, or a member that is neither public nor private. The JVM allows such
 * access only within one runtime package, a package name in one class loader, so a class
 * redefined in a new generation must take them along, or its first such access fails
 * ({@code IllegalAccessError}) after the switch.
 *
 * @author reload-spring-boot
 */
final class PackageAccess {

	private PackageAccess() {
	}

	/**
	 * Return the classes of the same package that a class reaches with package access.
	 * @param bytes the class file
	 * @param classFiles the class file of a class under the reload directories, or
	 * {@code null} for another class
	 * @return the class names
	 */
	static Set<String> targets(byte[] bytes, Function<String, byte @Nullable []> classFiles) {
		Uses uses = Uses.of(bytes);
		Set<String> targets = new HashSet<>();
		Map<String, Members> members = new HashMap<>();
		for (Map.Entry<String, Set<String>> entry : uses.members().entrySet()) {
			String owner = entry.getKey();
			if (owner.equals(uses.name()) || !samePackage(owner, uses.name())) {
				continue;
			}
			byte[] ownerBytes = classFiles.apply(owner.replace('/', '.'));
			if (ownerBytes == null) {
				continue;
			}
			Members declared = members.computeIfAbsent(owner, (key) -> Members.of(ownerBytes));
			if (!declared.isPublic() || entry.getValue().stream().anyMatch(declared.packageAccess()::contains)) {
				targets.add(owner.replace('/', '.'));
			}
		}
		return targets;
	}

	private static boolean samePackage(String one, String other) {
		int a = one.lastIndexOf('/');
		int b = other.lastIndexOf('/');
		return a == b && (a < 0 || one.regionMatches(0, other, 0, a));
	}

	/**
	 * The classes a class uses, with the members of each it uses (name and descriptor).
	 */
	private record Uses(String name, Map<String, Set<String>> members) {

		static Uses of(byte[] bytes) {
			Map<String, Set<String>> members = new HashMap<>();
			String[] name = new String[1];
			new ClassReader(bytes).accept(new ClassVisitor(SpringAsmInfo.ASM_VERSION) {

				@Override
				public void visit(int version, int access, String className, @Nullable String signature,
						@Nullable String superName, String @Nullable [] interfaces) {
					name[0] = className;
					use(superName);
					if (interfaces != null) {
						for (String type : interfaces) {
							use(type);
						}
					}
				}

				@Override
				public @Nullable FieldVisitor visitField(int access, String fieldName, String descriptor,
						@Nullable String signature, @Nullable Object value) {
					useType(Type.getType(descriptor));
					return null;
				}

				@Override
				public MethodVisitor visitMethod(int access, String methodName, String descriptor,
						@Nullable String signature, String @Nullable [] exceptions) {
					useType(Type.getMethodType(descriptor));
					return new MethodVisitor(SpringAsmInfo.ASM_VERSION) {

						@Override
						public void visitTypeInsn(int opcode, String type) {
							useType(Type.getObjectType(type));
						}

						@Override
						public void visitFieldInsn(int opcode, String owner, String field, String fieldDescriptor) {
							member(owner, field + ":" + fieldDescriptor);
						}

						@Override
						public void visitMethodInsn(int opcode, String owner, String method, String methodDescriptor,
								boolean isInterface) {
							member(owner, method + methodDescriptor);
						}

						@Override
						public void visitInvokeDynamicInsn(String indyName, String indyDescriptor, Handle bootstrap,
								Object... arguments) {
							useType(Type.getMethodType(indyDescriptor));
							for (Object argument : arguments) {
								if (argument instanceof Handle handle) {
									member(handle.getOwner(), handle.getName() + handle.getDesc());
								}
								else if (argument instanceof Type type) {
									useType(type);
								}
							}
						}

						@Override
						public void visitLdcInsn(Object value) {
							if (value instanceof Type type) {
								useType(type);
							}
						}

						@Override
						public void visitTryCatchBlock(org.springframework.asm.Label start,
								org.springframework.asm.Label end, org.springframework.asm.Label handler,
								@Nullable String type) {
							use(type);
						}

					};
				}

				private void member(String owner, String member) {
					if (!owner.startsWith("[")) {
						members.computeIfAbsent(owner, (key) -> new HashSet<>()).add(member);
					}
				}

				private void use(@Nullable String type) {
					if (type != null) {
						members.computeIfAbsent(type, (key) -> new HashSet<>());
					}
				}

				private void useType(Type type) {
					switch (type.getSort()) {
						case Type.ARRAY -> useType(type.getElementType());
						case Type.OBJECT -> use(type.getInternalName());
						case Type.METHOD -> {
							useType(type.getReturnType());
							for (Type argument : type.getArgumentTypes()) {
								useType(argument);
							}
						}
						default -> {
						}
					}
				}

			}, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
			return new Uses(name[0], members);
		}

	}

	/**
	 * Whether a class is public, and which of its members have package access.
	 */
	private record Members(boolean isPublic, Set<String> packageAccess) {

		static Members of(byte[] bytes) {
			Set<String> packageAccess = new HashSet<>();
			boolean[] isPublic = new boolean[1];
			new ClassReader(bytes).accept(new ClassVisitor(SpringAsmInfo.ASM_VERSION) {

				@Override
				public void visit(int version, int access, String className, @Nullable String signature,
						@Nullable String superName, String @Nullable [] interfaces) {
					isPublic[0] = (access & Opcodes.ACC_PUBLIC) != 0;
				}

				@Override
				public void visitInnerClass(String innerName, @Nullable String outerName, @Nullable String simpleName,
						int access) {
					// a nested class's own access is in its inner class attribute
				}

				@Override
				public @Nullable FieldVisitor visitField(int access, String field, String descriptor,
						@Nullable String signature, @Nullable Object value) {
					if (hasPackageAccess(access)) {
						packageAccess.add(field + ":" + descriptor);
					}
					return null;
				}

				@Override
				public @Nullable MethodVisitor visitMethod(int access, String method, String descriptor,
						@Nullable String signature, String @Nullable [] exceptions) {
					if (hasPackageAccess(access)) {
						packageAccess.add(method + descriptor);
					}
					return null;
				}

			}, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
			return new Members(isPublic[0], packageAccess);
		}

		private static boolean hasPackageAccess(int access) {
			// protected members are reachable from the package too
			return (access & (Opcodes.ACC_PUBLIC | Opcodes.ACC_PRIVATE)) == 0 || (access & Opcodes.ACC_PROTECTED) != 0;
		}

	}

}
