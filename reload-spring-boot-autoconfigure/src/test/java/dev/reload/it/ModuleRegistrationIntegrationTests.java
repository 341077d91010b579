package dev.reload.it;

import dev.reload.testsupport.SourceCompiler;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.DocumentContext;
import dev.reload.Reloader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * {@code reload.all}, {@code reload.modules}, {@code @Reloadable} and the
 * {@code Reloader}'s registrations, on a running application.
 *
 * @author reload-spring-boot
 */
@ExtendWith(OutputCaptureExtension.class)
class ModuleRegistrationIntegrationTests {

	@TempDir
	Path classes;

	@Test
	void withReloadAllOffOnlyMatchingModulesAreReloadedAndPatternsMatchWholeSegments(CapturedOutput output) {
		SourceCompiler.compile(this.classes, ModuleSources.initial());
		try (RunningApplication app = RunningApplication.start(this.classes, "reload.all=false",
				"reload.modules=" + ModuleSources.WEB_PACKAGE + ".*", "reload.debug=true")) {
			assertThat(app.get("/shop").body()).isEqualTo("banner 1, price 1, motd 1");
			Map<String, String> changes = new LinkedHashMap<>(ModuleSources.banner("banner 2"));
			changes.putAll(ModuleSources.price("price 2"));
			changes.putAll(FixtureSources.helloGreeting("not registered", ""));
			SourceCompiler.compile(this.classes, changes);
			DocumentContext report = app.reloadNow();
			assertThat(report.read("$.outcome", String.class)).isEqualTo("RELOADED");
			assertThat(report.read("$.changedClasses", List.class)).containsExactly(ModuleSources.BANNER);
			assertThat(app.get("/shop").body()).isEqualTo("banner 2, price 1, motd 1");
			assertThat(app.get("/greeting").body()).isEqualTo("hello");
			assertThat(output).contains("Skipped changed class " + ModuleSources.PRICE + ": not registered")
				.contains("Skipped changed class " + FixtureSources.HELLO_GREETING + ": not registered");
		}
	}

	@Test
	void annotatedClassIsReloadedWithReloadAllOff() {
		SourceCompiler.compile(this.classes, ModuleSources.initial());
		try (RunningApplication app = RunningApplication.start(this.classes, "reload.all=false")) {
			SourceCompiler.compile(this.classes, ModuleSources.motd("motd 2"));
			app.awaitChangeNoticed();
			assertThat(app.get("/shop").body()).isEqualTo("banner 1, price 1, motd 2");
			assertThat(app.status().read("$.registrations.annotated", List.class)).containsExactly(ModuleSources.MOTD);
		}
	}

	@Test
	void apiRegistrationsApplyAndAnUnregistrationSticksOverTheSettings() {
		SourceCompiler.compile(this.classes, ModuleSources.initial());
		try (RunningApplication app = RunningApplication.start(this.classes, "reload.all=false",
				"reload.modules=" + ModuleSources.WEB_PACKAGE + ".*")) {
			Reloader reloader = app.context().getBean(Reloader.class);
			reloader.registerModule(ModuleSources.PRICE);
			reloader.unregisterModule(ModuleSources.WEB_PACKAGE + ".*");
			Map<String, String> changes = new LinkedHashMap<>(ModuleSources.banner("banner 2"));
			changes.putAll(ModuleSources.price("price 2"));
			SourceCompiler.compile(this.classes, changes);
			DocumentContext report = app.reloadNow();
			assertThat(report.read("$.changedClasses", List.class)).containsExactly(ModuleSources.PRICE);
			assertThat(app.get("/shop").body()).isEqualTo("banner 1, price 2, motd 1");
			DocumentContext registrations = app.status();
			assertThat(registrations.read("$.registrations.all", Boolean.class)).isFalse();
			assertThat(registrations.read("$.registrations.modules", List.class))
				.containsExactly(ModuleSources.WEB_PACKAGE + ".*");
			assertThat(registrations.read("$.registrations.registered", List.class))
				.containsExactly(ModuleSources.PRICE);
			assertThat(registrations.read("$.registrations.unregistered", List.class))
				.containsExactly(ModuleSources.WEB_PACKAGE + ".*");
			// still unregistered on the next reload, although the settings name it
			assertThat(app.reloadNow().read("$.outcome", String.class)).isEqualTo("NO_CHANGES");
			reloader.registerModule(ModuleSources.WEB_PACKAGE + ".*");
			assertThat(app.reloadNow().read("$.changedClasses", List.class)).containsExactly(ModuleSources.BANNER);
			assertThat(app.get("/shop").body()).isEqualTo("banner 2, price 2, motd 1");
		}
	}

	@Test
	void malformedPatternFailsStartupNamingIt() {
		SourceCompiler.compile(this.classes, ModuleSources.initial());
		assertThatException()
			.isThrownBy(() -> RunningApplication.start(this.classes, "reload.all=false",
					"reload.modules=com.acme.*,com..acme.Billing"))
			.havingRootCause()
			.isInstanceOf(InvalidConfigurationPropertyValueException.class)
			.withMessageContaining("com..acme.Billing")
			.withMessageContaining("reload.modules[1]");
	}

	@Test
	void modulesWhileReloadAllIsOnLogOneWarning(CapturedOutput output) {
		SourceCompiler.compile(this.classes, ModuleSources.initial());
		try (RunningApplication app = RunningApplication.start(this.classes,
				"reload.modules=" + ModuleSources.WEB_PACKAGE + ".*")) {
			assertThat(output.getOut().split("has no effect while reload.all is true", -1)).hasSize(2);
			SourceCompiler.compile(this.classes, ModuleSources.price("price 2"));
			assertThat(app.reloadNow().read("$.changedClasses", List.class)).containsExactly(ModuleSources.PRICE);
		}
	}

}
