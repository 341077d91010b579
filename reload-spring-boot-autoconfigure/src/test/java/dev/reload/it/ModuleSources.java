package dev.reload.it;

import dev.reload.testsupport.SourceCompiler;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sources for the registration tests: a class in {@code app.web} and one in
 * {@code app.webshop} (a pattern {@code app.web.*} must not match the latter), a class
 * that registers itself with {@code @Reloadable}, and a controller that shows all three.
 *
 * @author reload-spring-boot
 */
final class ModuleSources {

	static final String WEB_PACKAGE = FixtureSources.PACKAGE + "web";

	static final String BANNER = WEB_PACKAGE + ".Banner";

	static final String PRICE = FixtureSources.PACKAGE + "webshop.Price";

	static final String MOTD = FixtureSources.PACKAGE + "Motd";

	static final String SHOP_CONTROLLER = FixtureSources.PACKAGE + "ShopController";

	private ModuleSources() {
	}

	static Map<String, String> initial() {
		Map<String, String> sources = new LinkedHashMap<>(FixtureSources.initial());
		sources.putAll(banner("banner 1"));
		sources.putAll(price("price 1"));
		sources.putAll(motd("motd 1"));
		sources.putAll(SourceCompiler.of(SHOP_CONTROLLER, """
				package dev.reload.it.fixture.app;

				import dev.reload.it.fixture.app.web.Banner;
				import dev.reload.it.fixture.app.webshop.Price;
				import org.springframework.web.bind.annotation.GetMapping;
				import org.springframework.web.bind.annotation.RestController;

				@RestController
				public class ShopController {
					@GetMapping("/shop")
					public String shop() {
						return Banner.text() + ", " + Price.text() + ", " + Motd.text();
					}
				}
				"""));
		return sources;
	}

	static Map<String, String> banner(String text) {
		return FixtureSources.staticText(BANNER, "text", text, "");
	}

	static Map<String, String> price(String text) {
		return FixtureSources.staticText(PRICE, "text", text, "");
	}

	static Map<String, String> motd(String text) {
		return FixtureSources.staticText(MOTD, "text", text, "@dev.reload.Reloadable");
	}

}
