package dev.reload.it;

import java.nio.file.Files;
import java.nio.file.Path;

import com.jayway.jsonpath.DocumentContext;
import dev.reload.testsupport.SourceCompiler;
import org.junit.jupiter.api.Test;

import org.springframework.asm.ClassWriter;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bytecode the JVM's verifier rejects fails the reload before the switch, even in a class
 * no bean is built from: the new classes are linked, not only loaded.
 *
 * @author reload-spring-boot
 */
class LinkedBeforeSwitchIntegrationTests extends FixtureApplicationTests {

	@Test
	void classThatFailsVerificationFailsTheReloadAndTheOldCodeKeepsServing() throws Exception {
		Path colours = this.classes.resolve(FixtureSources.COLOURS.replace('.', '/') + ".class");
		Files.write(colours, unverifiableColours());
		DocumentContext failed = this.app.reloadNow();
		assertThat(failed.read("$.outcome", String.class)).isEqualTo("FAILED");
		assertThat(failed.read("$.error", String.class)).contains(FixtureSources.COLOURS, "VerifyError");
		assertThat(this.app.get("/colour").body()).isEqualTo("the color is white");
		SourceCompiler.compile(this.classes, FixtureSources.colours("teal"));
		assertThat(this.app.reloadNow().read("$.outcome", String.class)).isEqualTo("RELOADED");
		assertThat(this.app.get("/colour").body()).isEqualTo("the color is teal");
	}

	/**
	 * {@code Colours} whose {@code colour()} returns an int where a String is due: it
	 * loads, and fails only when the JVM verifies it.
	 */
	private static byte[] unverifiableColours() {
		ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
		String name = FixtureSources.COLOURS.replace('.', '/');
		writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SUPER, name, null,
				"java/lang/Object", null);
		MethodVisitor constructor = writer.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
		constructor.visitCode();
		constructor.visitVarInsn(Opcodes.ALOAD, 0);
		constructor.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
		constructor.visitInsn(Opcodes.RETURN);
		constructor.visitMaxs(0, 0);
		constructor.visitEnd();
		MethodVisitor colour = writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "colour",
				"()Ljava/lang/String;", null, null);
		colour.visitCode();
		colour.visitInsn(Opcodes.ICONST_0);
		colour.visitInsn(Opcodes.ARETURN);
		colour.visitMaxs(0, 0);
		colour.visitEnd();
		writer.visitEnd();
		return writer.toByteArray();
	}

}
