package dev.reload.autoconfigure.actuate;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.reload.ReloadReport;
import dev.reload.ReloadTrigger;
import dev.reload.autoconfigure.ReloadProperties;
import dev.reload.autoconfigure.engine.ReloadEngine;
import dev.reload.autoconfigure.modules.ModuleRegistrations;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.util.Assert;

/**
 * The {@code reload} endpoint: {@code GET} reports the generation, the settings and the
 * recent reloads; {@code POST} applies every change now; {@code POST} to
 * {@code reload/rollback} returns to the code before the last reload.
 *
 * @author reload-spring-boot
 */
@Endpoint(id = "reload")
public class ReloadEndpoint {

	private static final String ROLLBACK = "rollback";

	private final ReloadEngine engine;

	private final ReloadProperties properties;

	private final List<Path> directories;

	private final @Nullable Path touchFile;

	/**
	 * Create an endpoint.
	 * @param engine the reload engine
	 * @param properties the bound settings
	 * @param directories the effective reload directories, absolute
	 * @param touchFile the effective touch file, absolute, or {@code null}
	 */
	public ReloadEndpoint(ReloadEngine engine, ReloadProperties properties, List<Path> directories,
			@Nullable Path touchFile) {
		Assert.notNull(engine, "'engine' must not be null");
		Assert.notNull(properties, "'properties' must not be null");
		Assert.notNull(directories, "'directories' must not be null");
		this.engine = engine;
		this.properties = properties;
		this.directories = List.copyOf(directories);
		this.touchFile = touchFile;
	}

	/**
	 * Return the reload status.
	 * @return the status
	 */
	@ReadOperation
	public ReloadStatus status() {
		return new ReloadStatus(this.engine.generation(), settings(), this.engine.registrations(),
				this.engine.history().last(), this.engine.history().reports());
	}

	/**
	 * Apply every change made since the last reload.
	 * @return the report
	 */
	@WriteOperation
	public ReloadReport reload() {
		return this.engine.reload(ReloadTrigger.ENDPOINT);
	}

	/**
	 * Run a reload action: {@code rollback} returns to the code before the last reload.
	 * @param action the action
	 * @return the report
	 */
	@WriteOperation
	public ReloadReport action(@Selector String action) {
		if (!ROLLBACK.equals(action)) {
			throw new InvalidEndpointRequestException("Unknown reload action '" + action + "'",
					"Unknown reload action '" + action + "': POST /reload reloads, POST /reload/" + ROLLBACK
							+ " rolls the last reload back");
		}
		return this.engine.rollback();
	}

	private Map<String, Object> settings() {
		Map<String, Object> settings = new LinkedHashMap<>();
		settings.put("enabled", this.properties.isEnabled());
		settings.put("all", this.properties.isAll());
		settings.put("modules", this.properties.getModules());
		settings.put("directories", this.directories.stream().map(Path::toString).toList());
		settings.put("sourceDirectories",
				this.properties.resolvedSourceDirectories(this.directories).stream().map(Path::toString).toList());
		settings.put("touchFile", (this.touchFile != null) ? this.touchFile.toString() : null);
		settings.put("debug", this.properties.isDebug());
		settings.put("mode", this.properties.getMode().name().toLowerCase());
		settings.put("quietPeriod", this.properties.getQuietPeriod().toString());
		settings.put("requestWait", this.properties.getRequestWait().toString());
		settings.put("drainTimeout", this.properties.getDrainTimeout().toString());
		settings.put("strictPermissions", this.properties.isStrictPermissions());
		settings.put("historySize", this.properties.getHistorySize());
		Path historyFile = this.properties.resolvedHistoryFile();
		settings.put("historyFile", (historyFile != null) ? historyFile.toString() : null);
		return settings;
	}

	/**
	 * The reload status.
	 *
	 * @param generation the current class loader generation; 0 at start-up
	 * @param settings the bound {@code reload.*} settings
	 * @param registrations the effective registrations: {@code reload.modules},
	 * {@code @Reloadable} classes, and registrations and unregistrations through the
	 * {@code Reloader}
	 * @param lastReload the most recent reload, or {@code null} before the first
	 * @param history the recent reloads, newest first
	 */
	public record ReloadStatus(long generation, Map<String, @Nullable Object> settings,
			ModuleRegistrations.Snapshot registrations, @Nullable ReloadReport lastReload,
			List<ReloadReport> history) implements OperationResponseBody {

	}

}
