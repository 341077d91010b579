package dev.reload.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import dev.reload.autoconfigure.engine.ReloadEngine;
import dev.reload.autoconfigure.engine.RequestGate;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Measurement 3a: what every request pays when nothing changed, exactly the steps of the
 * request filter: read the watcher's flag, pass the request gate, release it once the
 * handler is known and leave when done. The engine and the gate are the real beans of a
 * running application.
 *
 * @author reload-spring-boot
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RequestPathBenchmark {

	private ConfigurableApplicationContext context;

	private ReloadEngine engine;

	private RequestGate gate;

	private Path classes;

	@Setup(Level.Trial)
	public void start() throws IOException {
		this.classes = Files.createTempDirectory("request-path");
		this.context = new SpringApplicationBuilder(Application.class).web(WebApplicationType.NONE)
			.properties("spring.main.banner-mode=off", "reload.directories=" + this.classes, "logging.level.root=warn")
			.run();
		this.engine = this.context.getBean(ReloadEngine.class);
		this.gate = this.context.getBean(RequestGate.class);
	}

	@TearDown(Level.Trial)
	public void stop() {
		this.context.close();
		try {
			Files.deleteIfExists(this.classes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Benchmark
	public void baseline() {
		// what JMH itself costs, for comparison
	}

	@Benchmark
	public boolean unchangedRequest() {
		boolean attention = this.engine.needsAttention();
		if (attention) {
			this.engine.beforeRequest();
		}
		try (RequestGate.Pass pass = this.gate.enter()) {
			pass.handlerFound();
		}
		return attention;
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class Application {

	}

}
