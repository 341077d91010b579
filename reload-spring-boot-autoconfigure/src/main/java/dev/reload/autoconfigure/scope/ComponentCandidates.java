package dev.reload.autoconfigure.scope;

import java.io.IOException;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.annotation.ScannedGenericBeanDefinition;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.core.type.classreading.SimpleMetadataReaderFactory;

/**
 * Decides whether a class added at runtime is a component that component scanning would
 * have registered, with the same filters and conditions.
 *
 * @author reload-spring-boot
 */
final class ComponentCandidates extends ClassPathScanningCandidateComponentProvider {

	private final List<String> basePackages;

	private final MetadataReaderFactory metadataReaderFactory;

	ComponentCandidates(Environment environment, ResourceLoader resourceLoader, List<String> basePackages) {
		super(true, environment);
		setResourceLoader(resourceLoader);
		this.basePackages = List.copyOf(basePackages);
		this.metadataReaderFactory = new SimpleMetadataReaderFactory(resourceLoader);
	}

	/**
	 * Return whether the class file describes a component to register.
	 * @param className the class name
	 * @param classFile the class file's bytes
	 * @return whether it is a component in a scanned package
	 */
	boolean isComponent(String className, byte[] classFile) {
		if (!inBasePackage(className)) {
			return false;
		}
		MetadataReader reader = read(classFile);
		if (reader == null) {
			return false;
		}
		try {
			if (!isCandidateComponent(reader)) {
				return false;
			}
		}
		catch (IOException ex) {
			return false;
		}
		AnnotatedBeanDefinition definition = new ScannedGenericBeanDefinition(reader);
		return isCandidateComponent(definition);
	}

	private boolean inBasePackage(String className) {
		if (this.basePackages.isEmpty()) {
			return true;
		}
		for (String basePackage : this.basePackages) {
			if (className.startsWith(basePackage + ".")) {
				return true;
			}
		}
		return false;
	}

	private @Nullable MetadataReader read(byte[] classFile) {
		try {
			return this.metadataReaderFactory.getMetadataReader(new ByteArrayResource(classFile));
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

}
