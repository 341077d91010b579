package dev.reload.autoconfigure.change;

import java.util.Arrays;

import org.jspecify.annotations.Nullable;

import org.springframework.asm.AnnotationVisitor;
import org.springframework.asm.SpringAsmInfo;

/**
 * Writes an annotation's values as text, so that two class files' annotations can be
 * compared.
 *
 * @author reload-spring-boot
 */
final class AnnotationText extends AnnotationVisitor {

	private final StringBuilder text;

	AnnotationText(StringBuilder text) {
		super(SpringAsmInfo.ASM_VERSION);
		this.text = text.append('(');
	}

	@Override
	public void visit(@Nullable String name, Object value) {
		this.text.append(name).append('=');
		if (value instanceof Object[] || value.getClass().isArray()) {
			this.text.append(Arrays.deepToString(new Object[] { value }));
		}
		else {
			this.text.append(value);
		}
		this.text.append(',');
	}

	@Override
	public void visitEnum(@Nullable String name, String descriptor, String value) {
		this.text.append(name).append('=').append(descriptor).append('.').append(value).append(',');
	}

	@Override
	public AnnotationVisitor visitAnnotation(@Nullable String name, String descriptor) {
		return new AnnotationText(this.text.append(name).append("=@").append(descriptor));
	}

	@Override
	public AnnotationVisitor visitArray(@Nullable String name) {
		return new AnnotationText(this.text.append(name).append("=[]"));
	}

	@Override
	public void visitEnd() {
		this.text.append(')');
	}

}
