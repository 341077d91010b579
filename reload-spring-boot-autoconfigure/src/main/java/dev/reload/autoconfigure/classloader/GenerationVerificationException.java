package dev.reload.autoconfigure.classloader;

import java.util.List;

/**
 * A staged generation cannot run: classes that do not define, or references to classes,
 * methods or fields that do not exist.
 *
 * @author reload-spring-boot
 */
public class GenerationVerificationException extends RuntimeException {

	private final List<String> problems;

	GenerationVerificationException(List<String> problems) {
		super(String.join("; ", problems));
		this.problems = problems;
	}

	/**
	 * Return each problem found.
	 * @return the problems
	 */
	public List<String> getProblems() {
		return this.problems;
	}

}
