package dev.reload.autoconfigure.change;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import org.springframework.asm.AnnotationVisitor;
import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.FieldVisitor;
import org.springframework.asm.Handle;
import org.springframework.asm.Label;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;
import org.springframework.asm.SpringAsmInfo;
import org.springframework.asm.Type;
import org.springframework.util.Assert;

/**
 * What changed in a configuration class between the class file it runs and a new one,
 * read from both: whether the change is confined to the code of its methods, so that the
 * bean definitions Spring read from it at start-up still hold, and which of its
 * {@code @Bean} methods would now make something else. A method's "code" is its own
 * instructions and those of the methods of the class it calls (its private helpers, the
 * lambdas it makes), and the constructors, which set the fields it may read.
 *
 * @author reload-spring-boot
 */
public final class ConfigurationClassChange {

	private static final String BEAN = "Lorg/springframework/context/annotation/Bean;";

	private static final String CONSTRUCTOR = "<init>";

	private static final String STATIC_INITIALIZER = "<clinit>";

	private final String className;

	private final ClassModel before;

	private final ClassModel after;

	private ConfigurationClassChange(String className, ClassModel before, ClassModel after) {
		this.className = className;
		this.before = before;
		this.after = after;
	}

	/**
	 * Compare the class file a configuration class runs with a new one.
	 * @param className the class name
	 * @param before the class file it runs
	 * @param after the new class file; the same bytes if the class only refers to a
	 * changed class
	 * @return the change
	 */
	public static ConfigurationClassChange of(String className, byte[] before, byte[] after) {
		Assert.notNull(className, "'className' must not be null");
		Assert.notNull(before, "'before' must not be null");
		Assert.notNull(after, "'after' must not be null");
		return new ConfigurationClassChange(className, read(className, before), read(className, after));
	}

	private static ClassModel read(String className, byte[] bytes) {
		try {
			return ClassModel.read(bytes);
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException("The class file of " + className + " could not be read: " + ex, ex);
		}
	}

	/**
	 * Return why the change cannot be applied to the bean definitions read at start-up,
	 * if it cannot: what Spring read to register beans changed (the class's annotations,
	 * supertypes or fields, the annotations of a {@code @Bean} method), a {@code @Bean}
	 * method was added with more than Spring's {@code @Bean} annotation itself, or the
	 * class has {@code @Bean} methods Spring cannot tell apart by name.
	 * @return the reason, or {@code null} if only code changed, or plain {@code @Bean}
	 * methods were added or removed
	 */
	public @Nullable String refusal() {
		if (!this.before.header.equals(this.after.header)) {
			return "its declaration changed (annotations, superclass or interfaces)";
		}
		if (!this.before.fields.equals(this.after.fields)) {
			return "its fields changed";
		}
		for (ClassModel model : List.of(this.before, this.after)) {
			Set<String> names = new TreeSet<>();
			for (MethodModel method : model.beanMethods()) {
				if (!names.add(method.name)) {
					return "its @Bean methods named " + method.name + " are overloaded";
				}
			}
		}
		Map<String, MethodModel> before = beanMethodsByName(this.before);
		for (MethodModel method : this.after.beanMethods()) {
			MethodModel previous = before.get(method.name);
			if (previous != null && !previous.declaration().equals(method.declaration())) {
				return "its @Bean method " + method.name + " is annotated otherwise";
			}
			if (previous == null && !method.isPlainBeanMethod()) {
				return "its new @Bean method " + method.name
						+ " has more than a @Bean annotation with names, init or destroy methods";
			}
		}
		return null;
	}

	/**
	 * Return the {@code @Bean} methods of the new class file that the one it runs lacks.
	 * @return the added methods, by method name
	 */
	public Map<String, AddedBeanMethod> addedBeanMethods() {
		Map<String, MethodModel> before = beanMethodsByName(this.before);
		Map<String, AddedBeanMethod> added = new TreeMap<>();
		for (MethodModel method : this.after.beanMethods()) {
			if (!before.containsKey(method.name)) {
				added.put(method.name, method.added());
			}
		}
		return added;
	}

	/**
	 * Return the names of the {@code @Bean} methods of the class file it runs that the
	 * new one lacks.
	 * @return the method names, sorted
	 */
	public Set<String> removedBeanMethods() {
		Set<String> removed = new TreeSet<>(beanMethodsByName(this.before).keySet());
		removed.removeAll(beanMethodsByName(this.after).keySet());
		return removed;
	}

	private static Map<String, MethodModel> beanMethodsByName(ClassModel model) {
		Map<String, MethodModel> byName = new TreeMap<>();
		model.beanMethods().forEach((method) -> byName.put(method.name, method));
		return byName;
	}

	/**
	 * A {@code @Bean} method the new class file adds, with what its annotation says.
	 *
	 * @param methodName the method's name
	 * @param beanNames the names its annotation gives, or none for the method's name
	 * @param initMethod its init method, or empty
	 * @param destroyMethod its destroy method, Spring's "inferred" by default
	 * @param autowireCandidate whether it is a candidate for autowiring
	 * @param defaultCandidate whether it is a candidate for autowiring by type alone
	 * @param returnType the class its method declares it returns
	 */
	public record AddedBeanMethod(String methodName, List<String> beanNames, String initMethod, String destroyMethod,
			boolean autowireCandidate, boolean defaultCandidate, String returnType) {

	}

	/**
	 * Return the names of the {@code @Bean} methods of both class files whose code
	 * changed, or refers to one of the given classes, whose new code is to be used.
	 * @param affectedClasses the classes a reload redefines
	 * @param proxied whether the configuration's calls to its own {@code @Bean} methods
	 * are answered with beans ({@code proxyBeanMethods}), not with what the method makes
	 * @return the method names, sorted
	 */
	public Set<String> changedBeanMethods(Set<String> affectedClasses, boolean proxied) {
		Set<String> changed = new TreeSet<>();
		Map<String, MethodModel> before = beanMethodsByName(this.before);
		for (MethodModel method : this.after.beanMethods()) {
			if (before.containsKey(method.name) && changed(method, affectedClasses, proxied)) {
				changed.add(method.name);
			}
		}
		return changed;
	}

	/**
	 * Return the {@code @Bean} methods that call the given ones, in the new class file.
	 * @param beanMethods names of {@code @Bean} methods
	 * @return the callers, each with the given methods it calls, by name
	 */
	public Map<String, Set<String>> callersOf(Set<String> beanMethods) {
		Map<String, Set<String>> callers = new TreeMap<>();
		for (MethodModel method : this.after.beanMethods()) {
			for (String key : this.after.closure(method, true)) {
				MethodModel caller = this.after.methods.get(key);
				for (String called : (caller != null) ? caller.calls : Set.<String>of()) {
					MethodModel target = this.after.methods.get(called);
					if (target != null && target != method && target.bean && beanMethods.contains(target.name)) {
						callers.computeIfAbsent(method.name, (name) -> new TreeSet<>()).add(target.name);
					}
				}
			}
		}
		return callers;
	}

	/**
	 * Return whether the class declares a static {@code @Bean} method.
	 * @return whether one is static
	 */
	public boolean hasStaticBeanMethods() {
		return List.of(this.before, this.after)
			.stream()
			.flatMap((model) -> model.beanMethods().stream())
			.anyMatch((method) -> (method.access & Opcodes.ACC_STATIC) != 0);
	}

	private boolean changed(MethodModel method, Set<String> affectedClasses, boolean proxied) {
		for (String key : this.after.closure(method, proxied)) {
			MethodModel now = this.after.methods.get(key);
			MethodModel then = this.before.methods.get(key);
			if (now == null) {
				continue;
			}
			if (then == null || !now.sameCode(then)) {
				return true;
			}
			for (String type : now.referencedTypes) {
				if (!type.equals(this.className) && affectedClasses.contains(type)) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * A class file, as far as the comparison needs it.
	 */
	private static final class ClassModel {

		private String header = "";

		private final Map<String, String> fields = new TreeMap<>();

		private final Map<String, MethodModel> methods = new LinkedHashMap<>();

		private String internalName = "";

		static ClassModel read(byte[] bytes) {
			ClassModel model = new ClassModel();
			new ClassReader(bytes).accept(model.new Reader(), ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
			return model;
		}

		Set<MethodModel> beanMethods() {
			Set<MethodModel> beanMethods = new LinkedHashSet<>();
			this.methods.values().stream().filter((method) -> method.bean).forEach(beanMethods::add);
			return beanMethods;
		}

		/**
		 * Return the keys of the method and of every method of this class it calls,
		 * directly or not, with the constructors; with {@code proxied}, a call to another
		 * {@code @Bean} method is a call for its bean, not for its code.
		 */
		Set<String> closure(MethodModel start, boolean proxied) {
			Set<String> closure = new LinkedHashSet<>();
			Deque<String> queue = new ArrayDeque<>();
			queue.add(start.key());
			this.methods.keySet()
				.stream()
				.filter((key) -> key.startsWith(CONSTRUCTOR + "(") || key.startsWith(STATIC_INITIALIZER + "("))
				.forEach(queue::add);
			while (!queue.isEmpty()) {
				String key = queue.pop();
				MethodModel method = this.methods.get(key);
				if (!closure.add(key) || method == null) {
					continue;
				}
				for (String called : method.calls) {
					MethodModel target = this.methods.get(called);
					if (target != null && target.bean && proxied && target != start) {
						continue;
					}
					queue.add(called);
				}
			}
			return closure;
		}

		private final class Reader extends ClassVisitor {

			private final StringBuilder header = new StringBuilder();

			Reader() {
				super(SpringAsmInfo.ASM_VERSION);
			}

			@Override
			public void visit(int version, int access, String name, @Nullable String signature,
					@Nullable String superName, String @Nullable [] interfaces) {
				ClassModel.this.internalName = name;
				ClassFileText.declaration(this.header, access, signature, superName, interfaces);
			}

			@Override
			public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
				return new AnnotationText(this.header.append(" @").append(descriptor));
			}

			@Override
			public FieldVisitor visitField(int access, String name, String descriptor, @Nullable String signature,
					@Nullable Object value) {
				StringBuilder text = new StringBuilder().append(access)
					.append(' ')
					.append(descriptor)
					.append(' ')
					.append(signature)
					.append(' ')
					.append(value);
				ClassModel.this.fields.put(name, "");
				return ClassFileText.field(text, (field) -> ClassModel.this.fields.put(name, field));
			}

			@Override
			public MethodVisitor visitMethod(int access, String name, String descriptor, @Nullable String signature,
					String @Nullable [] exceptions) {
				MethodModel method = new MethodModel(name, descriptor, access,
						signature + " " + ((exceptions != null) ? Arrays.toString(exceptions) : "[]"));
				ClassModel.this.methods.put(method.key(), method);
				return new CodeText(method, ClassModel.this.internalName);
			}

			@Override
			public void visitEnd() {
				ClassModel.this.header = this.header.toString();
			}

		}

	}

	/**
	 * A method: its declaration, its annotations, and its code as text.
	 */
	private static final class MethodModel {

		private final String name;

		private final String descriptor;

		private final int access;

		private final String signature;

		private String annotations = "";

		private String code = "";

		private boolean bean;

		private int annotationCount;

		/** The values of its {@code @Bean} annotation. */
		private final Map<String, Object> beanAttributes = new LinkedHashMap<>();

		private final Set<String> calls = new LinkedHashSet<>();

		private final Set<String> referencedTypes = new TreeSet<>();

		MethodModel(String name, String descriptor, int access, String signature) {
			this.name = name;
			this.descriptor = descriptor;
			this.access = access;
			this.signature = signature;
		}

		String key() {
			return this.name + this.descriptor;
		}

		String declaration() {
			return (this.access & Opcodes.ACC_STATIC) + " " + this.annotations;
		}

		boolean isPlainBeanMethod() {
			Set<String> known = Set.of("value", "name", "initMethod", "destroyMethod", "autowireCandidate",
					"defaultCandidate");
			return this.annotationCount == 1 && known.containsAll(this.beanAttributes.keySet())
					&& (this.access & Opcodes.ACC_STATIC) == 0;
		}

		AddedBeanMethod added() {
			List<String> names = new ArrayList<>(strings("name"));
			names.addAll(strings("value"));
			return new AddedBeanMethod(this.name, List.copyOf(names), text("initMethod", ""),
					text("destroyMethod", "(inferred)"), flag("autowireCandidate"), flag("defaultCandidate"),
					Type.getReturnType(this.descriptor).getClassName());
		}

		@SuppressWarnings("unchecked")
		private List<String> strings(String attribute) {
			Object value = this.beanAttributes.get(attribute);
			return (value instanceof List<?> list) ? (List<String>) list : List.of();
		}

		private String text(String attribute, String otherwise) {
			return (this.beanAttributes.get(attribute) instanceof String text) ? text : otherwise;
		}

		private boolean flag(String attribute) {
			return !Boolean.FALSE.equals(this.beanAttributes.get(attribute));
		}

		boolean sameCode(MethodModel other) {
			return this.access == other.access && this.signature.equals(other.signature)
					&& this.annotations.equals(other.annotations) && this.code.equals(other.code);
		}

	}

	/**
	 * Writes a method's annotations and instructions as text, labels numbered in the
	 * order they appear, and records the methods of its own class it calls and the
	 * classes it refers to.
	 */
	private static final class CodeText extends MethodVisitor {

		private final MethodModel method;

		private final String owner;

		private final StringBuilder annotations = new StringBuilder();

		private final StringBuilder code = new StringBuilder();

		private final Map<Label, Integer> labels = new IdentityHashMap<>();

		CodeText(MethodModel method, String owner) {
			super(SpringAsmInfo.ASM_VERSION);
			this.method = method;
			this.owner = owner;
			referDescriptor(method.descriptor);
		}

		@Override
		public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
			this.method.annotationCount++;
			AnnotationVisitor text = new AnnotationText(this.annotations.append(" @").append(descriptor));
			if (!BEAN.equals(descriptor)) {
				return text;
			}
			this.method.bean = true;
			return new BeanAttributes(text, this.method.beanAttributes);
		}

		@Override
		public AnnotationVisitor visitParameterAnnotation(int parameter, String descriptor, boolean visible) {
			return new AnnotationText(this.annotations.append(" @").append(parameter).append(descriptor));
		}

		@Override
		public AnnotationVisitor visitAnnotationDefault() {
			return new AnnotationText(this.annotations.append(" default"));
		}

		@Override
		public void visitInsn(int opcode) {
			instruction(opcode);
		}

		@Override
		public void visitIntInsn(int opcode, int operand) {
			instruction(opcode).append(operand);
		}

		@Override
		public void visitVarInsn(int opcode, int varIndex) {
			instruction(opcode).append(varIndex);
		}

		@Override
		public void visitTypeInsn(int opcode, String type) {
			instruction(opcode).append(type);
			referInternalName(type);
		}

		@Override
		public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
			instruction(opcode).append(owner).append('.').append(name).append(descriptor);
			referInternalName(owner);
			referDescriptor(descriptor);
		}

		@Override
		public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
			instruction(opcode).append(owner).append('.').append(name).append(descriptor);
			referInternalName(owner);
			referDescriptor(descriptor);
			if (owner.equals(this.owner)) {
				this.method.calls.add(name + descriptor);
			}
		}

		@Override
		public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
			instruction(Opcodes.INVOKEDYNAMIC).append(name).append(descriptor).append(' ');
			constant(bootstrap);
			for (Object argument : arguments) {
				this.code.append(' ');
				constant(argument);
			}
			referDescriptor(descriptor);
		}

		@Override
		public void visitJumpInsn(int opcode, Label label) {
			instruction(opcode).append(label(label));
		}

		@Override
		public void visitLabel(Label label) {
			this.code.append(" L").append(label(label));
		}

		@Override
		public void visitLdcInsn(Object value) {
			instruction(Opcodes.LDC);
			constant(value);
		}

		@Override
		public void visitIincInsn(int varIndex, int increment) {
			instruction(Opcodes.IINC).append(varIndex).append(',').append(increment);
		}

		@Override
		public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
			instruction(Opcodes.TABLESWITCH).append(min).append(',').append(max).append(',').append(label(dflt));
			for (Label label : labels) {
				this.code.append(',').append(label(label));
			}
		}

		@Override
		public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
			instruction(Opcodes.LOOKUPSWITCH).append(label(dflt)).append(Arrays.toString(keys));
			for (Label label : labels) {
				this.code.append(',').append(label(label));
			}
		}

		@Override
		public void visitMultiANewArrayInsn(String descriptor, int dimensions) {
			instruction(Opcodes.MULTIANEWARRAY).append(descriptor).append(dimensions);
			referDescriptor(descriptor);
		}

		@Override
		public void visitTryCatchBlock(Label start, Label end, Label handler, @Nullable String type) {
			this.code.append(" try")
				.append(label(start))
				.append(',')
				.append(label(end))
				.append(',')
				.append(label(handler))
				.append(',')
				.append(type);
			if (type != null) {
				referInternalName(type);
			}
		}

		@Override
		public void visitEnd() {
			this.method.annotations = this.annotations.toString();
			this.method.code = this.code.toString();
		}

		private StringBuilder instruction(int opcode) {
			return this.code.append(' ').append(opcode).append(':');
		}

		private int label(Label label) {
			return this.labels.computeIfAbsent(label, (key) -> this.labels.size());
		}

		private void constant(@Nullable Object value) {
			if (value instanceof Handle handle) {
				this.code.append(handle.getTag())
					.append(handle.getOwner())
					.append('.')
					.append(handle.getName())
					.append(handle.getDesc());
				referInternalName(handle.getOwner());
				if (handle.getOwner().equals(this.owner)) {
					// a lambda's body, or a method reference to this class
					this.method.calls.add(handle.getName() + handle.getDesc());
				}
			}
			else if (value instanceof Type type) {
				this.code.append(type.getDescriptor());
				if (type.getSort() == Type.METHOD) {
					referDescriptor(type.getDescriptor());
				}
				else {
					referType(type);
				}
			}
			else {
				this.code.append(Objects.toString(value)).append('/').append((value != null) ? value.getClass() : null);
			}
		}

		private void referDescriptor(String descriptor) {
			if (descriptor.startsWith("(")) {
				for (Type argument : Type.getArgumentTypes(descriptor)) {
					referType(argument);
				}
				referType(Type.getReturnType(descriptor));
			}
			else {
				referType(Type.getType(descriptor));
			}
		}

		private void referInternalName(String internalName) {
			referType(internalName.startsWith("[") ? Type.getType(internalName) : Type.getObjectType(internalName));
		}

		private void referType(Type type) {
			Type element = (type.getSort() == Type.ARRAY) ? type.getElementType() : type;
			if (element.getSort() == Type.OBJECT) {
				this.method.referencedTypes.add(element.getClassName());
			}
		}

	}

	/**
	 * Records the values of a {@code @Bean} annotation, passing them on.
	 */
	private static final class BeanAttributes extends AnnotationVisitor {

		private final Map<String, Object> attributes;

		BeanAttributes(AnnotationVisitor text, Map<String, Object> attributes) {
			super(SpringAsmInfo.ASM_VERSION, text);
			this.attributes = attributes;
		}

		@Override
		public void visit(@Nullable String name, Object value) {
			super.visit(name, value);
			this.attributes.put(String.valueOf(name), value);
		}

		@Override
		public void visitEnum(@Nullable String name, String descriptor, String value) {
			super.visitEnum(name, descriptor, value);
			this.attributes.put(String.valueOf(name), value);
		}

		@Override
		public AnnotationVisitor visitArray(@Nullable String name) {
			List<String> values = new ArrayList<>();
			this.attributes.put(String.valueOf(name), values);
			return new AnnotationVisitor(SpringAsmInfo.ASM_VERSION, super.visitArray(name)) {

				@Override
				public void visit(@Nullable String unnamed, Object value) {
					super.visit(unnamed, value);
					values.add(String.valueOf(value));
				}

			};
		}

	}

}
