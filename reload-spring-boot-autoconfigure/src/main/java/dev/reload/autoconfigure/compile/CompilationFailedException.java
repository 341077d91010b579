package dev.reload.autoconfigure.compile;

import java.util.List;

/**
 * Thrown when edited sources do not compile: its message has each error as the compiler
 * reports it, file, line and message, so that the reload's report names them.
 *
 * @author reload-spring-boot
 */
public final class CompilationFailedException extends IllegalStateException {

	private final List<String> errors;

	CompilationFailedException(List<String> errors, String hint) {
		super("Compilation failed, nothing was reloaded:\n" + String.join("\n", errors) + hint);
		this.errors = List.copyOf(errors);
	}

	/**
	 * Return the compiler's errors, one per entry, each starting with the file and line.
	 * @return the errors
	 */
	public List<String> getErrors() {
		return this.errors;
	}

}
