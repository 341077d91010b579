package dev.reload.autoconfigure.classloader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.ref.WeakReference;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A thread created through {@link GenerationFreeThreads} from code of a class loader does
 * not keep that class loader alive while it runs: not through its context class loader,
 * nor, on Java 17, through the protection domains of the creating stack that a thread
 * inherits.
 *
 * @author reload-spring-boot
 */
class GenerationFreeThreadsTests {

	@Test
	void threadCreatedByCodeOfAClassLoaderDoesNotKeepItAlive() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		WeakReference<ClassLoader> loader = spawnFromOwnLoader(release);
		try {
			await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
				System.gc();
				return loader.get() == null;
			});
		}
		finally {
			release.countDown();
		}
	}

	@Test
	void threadHasTheGivenNameDaemonFlagAndContextClassLoader() {
		ClassLoader contextClassLoader = GenerationFreeThreadsTests.class.getClassLoader();
		Thread thread = GenerationFreeThreads.create("reload-test", true, contextClassLoader, () -> {
		});
		assertThat(thread.getName()).isEqualTo("reload-test");
		assertThat(thread.isDaemon()).isTrue();
		assertThat(thread.getContextClassLoader()).isSameAs(contextClassLoader);
		assertThat(thread.isAlive()).isFalse();
	}

	@SuppressWarnings("unchecked")
	private static WeakReference<ClassLoader> spawnFromOwnLoader(CountDownLatch release) throws Exception {
		OwnLoader loader = new OwnLoader();
		Class<?> spawner = loader.define(Spawner.class.getName());
		assertThat(spawner.getClassLoader()).isSameAs(loader);
		// what the thread runs is of this class's loader: only the creating stack has
		// the other one
		Runnable waiter = () -> {
			try {
				release.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		};
		((Consumer<Runnable>) spawner.getDeclaredConstructor().newInstance()).accept(waiter);
		return new WeakReference<>(loader);
	}

	/**
	 * Defined by {@link OwnLoader}: starts a thread that runs what it is given.
	 */
	public static class Spawner implements Consumer<Runnable> {

		@Override
		public void accept(Runnable task) {
			GenerationFreeThreads.create("reload-test-waiter", true, GenerationFreeThreads.class.getClassLoader(), task)
				.start();
		}

	}

	/**
	 * Defines one class from the test's class file, with a protection domain of its own,
	 * as a generation loader does.
	 */
	static final class OwnLoader extends ClassLoader {

		OwnLoader() {
			super(GenerationFreeThreadsTests.class.getClassLoader());
		}

		Class<?> define(String name) {
			try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
				byte[] bytes = in.readAllBytes();
				ProtectionDomain domain = new ProtectionDomain(new CodeSource(null, (Certificate[]) null), null, this,
						null);
				return defineClass(name, bytes, 0, bytes.length, domain);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
