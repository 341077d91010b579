package dev.reload.autoconfigure.change;

import java.util.Arrays;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import org.springframework.asm.AnnotationVisitor;
import org.springframework.asm.FieldVisitor;
import org.springframework.asm.SpringAsmInfo;

/**
 * Writes the parts of a class file that two comparisons of class files read the same way
 * as text: a class's declaration, and a field with its annotations.
 *
 * @author reload-spring-boot
 */
final class ClassFileText {

	private ClassFileText() {
	}

	/**
	 * Append a class's declaration: its access flags, generic signature, superclass and
	 * interfaces.
	 * @param text where to write
	 * @param access the access flags
	 * @param signature the generic signature, if any
	 * @param superName the superclass's internal name, if any
	 * @param interfaces the interfaces' internal names, if any
	 * @return the text
	 */
	static StringBuilder declaration(StringBuilder text, int access, @Nullable String signature,
			@Nullable String superName, String @Nullable [] interfaces) {
		return text.append(access)
			.append(' ')
			.append(signature)
			.append(' ')
			.append(superName)
			.append(' ')
			.append((interfaces != null) ? Arrays.toString(interfaces) : "[]");
	}

	/**
	 * Return a visitor that appends a field's annotations to the text that describes it,
	 * and hands the whole text over once the field has been read.
	 * @param text the field's description so far
	 * @param read what takes the field's text
	 * @return the visitor
	 */
	static FieldVisitor field(StringBuilder text, Consumer<String> read) {
		return new FieldVisitor(SpringAsmInfo.ASM_VERSION) {

			@Override
			public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
				return new AnnotationText(text.append(" @").append(annotation));
			}

			@Override
			public void visitEnd() {
				read.accept(text.toString());
			}

		};
	}

}
