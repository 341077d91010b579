package dev.reload.autoconfigure.classloader;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.SpringAsmInfo;
import org.springframework.asm.Type;

/**
 * Checks a staged generation before it is switched in: every class defines, and every
 * class, method and field its classes refer to exists in what the generation would run
 * against (the libraries on the classpath and the other reloadable classes). Code
 * compiled against a newer library than the running one fails here, naming what is
 * missing and who refers to it, instead of failing requests later.
 *
 * @author reload-spring-boot
 */
public final class GenerationVerifier {

	private GenerationVerifier() {
	}

	/**
	 * Verify the classes a staged generation defines.
	 * @param generation the staged generation
	 * @throws GenerationVerificationException naming every class that could not be
	 * defined and every missing member
	 */
	public static void verify(GenerationClassLoader generation) {
		Set<String> problems = new LinkedHashSet<>();
		for (String name : new TreeSet<>(generation.definedClassNames())) {
			try {
				link(generation.loadClass(name));
			}
			catch (ClassNotFoundException | LinkageError ex) {
				String message = ex.getMessage();
				problems.add((message != null && message.contains(name)) ? message
						: "Class " + name + " could not be defined: " + ex);
			}
		}
		if (problems.isEmpty()) {
			for (String name : new TreeSet<>(generation.definedClassNames())) {
				byte[] classFile = generation.classFile(name);
				if (classFile != null) {
					problems.addAll(missingReferences(generation, name, classFile));
				}
			}
		}
		if (!problems.isEmpty()) {
			throw new GenerationVerificationException(List.copyOf(problems));
		}
	}

	/**
	 * Link the class, without initializing it, so that the JVM verifies its bytecode now
	 * ({@code VerifyError}) rather than on the first request that uses it: HotSpot links
	 * a class before it lists its declared members.
	 */
	private static void link(Class<?> type) {
		type.getDeclaredConstructors();
		type.getDeclaredMethods();
	}

	private static List<String> missingReferences(ClassLoader loader, String className, byte[] classFile) {
		List<String> missing = new ArrayList<>();
		new ClassReader(classFile).accept(new ClassVisitor(SpringAsmInfo.ASM_VERSION) {

			@Override
			public MethodVisitor visitMethod(int access, String methodName, String descriptor,
					@Nullable String signature, String @Nullable [] exceptions) {
				String caller = className + "." + methodName + "()";
				return new MethodVisitor(SpringAsmInfo.ASM_VERSION) {

					@Override
					public void visitMethodInsn(int opcode, String owner, String name, String descriptor,
							boolean isInterface) {
						check(caller, "calls", owner, name, descriptor, true);
					}

					@Override
					public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
						check(caller, "uses", owner, name, descriptor, false);
					}

					@Override
					public void visitTypeInsn(int opcode, String type) {
						if (!type.startsWith("[") && resolve(type) == null) {
							missing.add(caller + " uses class " + type.replace('/', '.')
									+ ", which the running classpath lacks");
						}
					}

					private void check(String caller, String verb, String owner, String name, String descriptor,
							boolean method) {
						if (owner.startsWith("[")) {
							return; // array methods such as clone() always exist
						}
						Class<?> type = resolve(owner);
						String member = owner.replace('/', '.') + "." + name + descriptor;
						if (type == null) {
							missing.add(caller + " " + verb + " " + member + ", whose class " + owner.replace('/', '.')
									+ " the running classpath lacks");
						}
						else if (!(method ? hasMethod(type, name, descriptor) : hasField(type, name, descriptor))) {
							missing.add(caller + " " + verb + " " + member + ", which the running classpath lacks");
						}
					}

				};
			}

			private @Nullable Class<?> resolve(String internalName) {
				try {
					return Class.forName(internalName.replace('/', '.'), false, loader);
				}
				catch (ClassNotFoundException | LinkageError ex) {
					return null;
				}
			}

		}, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
		return missing;
	}

	private static boolean hasMethod(Class<?> type, String name, String descriptor) {
		try {
			if ("<init>".equals(name)) {
				for (Constructor<?> constructor : type.getDeclaredConstructors()) {
					if (Type.getConstructorDescriptor(constructor).equals(descriptor)) {
						return true;
					}
				}
				return false;
			}
			if ("<clinit>".equals(name)) {
				return true;
			}
			for (Class<?> candidate : hierarchy(type)) {
				for (Method method : candidate.getDeclaredMethods()) {
					if (method.getName().equals(name) && Type.getMethodDescriptor(method).equals(descriptor)) {
						return true;
					}
				}
			}
			// signature-polymorphic methods (MethodHandle.invoke) match any descriptor
			return isSignaturePolymorphic(type, name);
		}
		catch (LinkageError ex) {
			return false;
		}
	}

	private static boolean hasField(Class<?> type, String name, String descriptor) {
		try {
			for (Class<?> candidate : hierarchy(type)) {
				for (Field field : candidate.getDeclaredFields()) {
					if (field.getName().equals(name) && Type.getDescriptor(field.getType()).equals(descriptor)) {
						return true;
					}
				}
			}
			return false;
		}
		catch (LinkageError ex) {
			return false;
		}
	}

	private static boolean isSignaturePolymorphic(Class<?> type, String name) {
		return (type == java.lang.invoke.MethodHandle.class || type == java.lang.invoke.VarHandle.class)
				&& !name.startsWith("<");
	}

	private static List<Class<?>> hierarchy(Class<?> type) {
		List<Class<?>> types = new ArrayList<>();
		Set<Class<?>> seen = new HashSet<>();
		Deque<Class<?>> queue = new ArrayDeque<>();
		queue.add(type);
		while (!queue.isEmpty()) {
			Class<?> current = queue.poll();
			if (seen.add(current)) {
				types.add(current);
				if (current.getSuperclass() != null) {
					queue.add(current.getSuperclass());
				}
				queue.addAll(List.of(current.getInterfaces()));
			}
		}
		if (type.isInterface()) {
			types.add(Object.class);
		}
		return types;
	}

}
