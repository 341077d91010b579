package dev.reload.autoconfigure.modules;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;

import dev.reload.Reloadable;
import dev.reload.autoconfigure.change.ChangeSet;
import dev.reload.autoconfigure.classloader.ClassGenerations;
import org.jspecify.annotations.Nullable;

import org.springframework.asm.AnnotationVisitor;
import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.SpringAsmInfo;
import org.springframework.asm.Type;
import org.springframework.util.Assert;

/**
 * The classes that register themselves with {@link Reloadable @Reloadable}, read from the
 * class files the running code was defined from, when first needed, and kept current as
 * reloads apply changes.
 *
 * @author reload-spring-boot
 */
public final class AnnotatedClasses implements Supplier<Set<String>> {

	private static final String DESCRIPTOR = Type.getDescriptor(Reloadable.class);

	private final ClassGenerations generations;

	private @Nullable Set<String> names;

	/**
	 * Create an instance.
	 * @param generations the class generations
	 */
	public AnnotatedClasses(ClassGenerations generations) {
		Assert.notNull(generations, "'generations' must not be null");
		this.generations = generations;
	}

	@Override
	public synchronized Set<String> get() {
		if (this.names == null) {
			Set<String> found = new HashSet<>();
			for (String name : this.generations.classNames()) {
				byte[] classFile = this.generations.appliedClassFile(name);
				if (classFile != null && isAnnotated(classFile)) {
					found.add(name);
				}
			}
			this.names = found;
		}
		return Set.copyOf(this.names);
	}

	/**
	 * Keep the set current after a reload applied the given changes.
	 * @param changes the applied changes
	 */
	public synchronized void update(ChangeSet changes) {
		if (this.names == null) {
			return;
		}
		changes.contents().forEach((name, file) -> {
			if (isAnnotated(file.bytes())) {
				this.names.add(name);
			}
			else {
				this.names.remove(name);
			}
		});
		this.names.removeAll(changes.removed());
	}

	/**
	 * Return whether the class file's class is annotated with {@code @Reloadable}.
	 * @param classFile the class file's bytes
	 * @return whether it is annotated; {@code false} if the bytes are not a class file
	 */
	static boolean isAnnotated(byte[] classFile) {
		boolean[] found = new boolean[1];
		try {
			new ClassReader(classFile).accept(new ClassVisitor(SpringAsmInfo.ASM_VERSION) {

				@Override
				public @Nullable AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
					found[0] |= DESCRIPTOR.equals(descriptor);
					return null;
				}

			}, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
		}
		catch (RuntimeException ex) {
			return false;
		}
		return found[0];
	}

}
