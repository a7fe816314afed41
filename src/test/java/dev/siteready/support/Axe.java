package dev.siteready.support;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * axe-core (the npm package's {@code axe.min.js}) injected into the page through Selenium, and its violations. The file
 * is not in the repository: {@code .ci/run} downloads the pinned release from the npm registry and checks its
 * integrity. Elsewhere the file is looked up at SITEREADY_AXE_JS, else in {@code ~/.cache/siteready}; without it the
 * test is skipped with the command that fetches it, unless SITEREADY_REQUIRE_AXE=true (set by .ci/run), where it fails.
 */
public final class Axe {

    /** The release .ci/run fetches. */
    public static final String VERSION = "4.14.1";

    static final Path FILE = Path.of(envOr("SITEREADY_AXE_JS",
            System.getProperty("user.home") + "/.cache/siteready/axe-core-" + VERSION + "/axe.min.js"));

    private static String source;

    private Axe() {
    }

    /**
     * The violations of axe's default rules (WCAG 2 A and AA, and best practices) on the page the driver shows, one
     * line each: rule, impact and the first few elements; empty when there are none.
     */
    public static String violations(WebDriver driver) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript(source());
        Object result = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ['violations'] })
                  .then(r => done(r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + ' — '
                      + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')).join('\\n')))
                  .catch(e => done('axe failed: ' + e));
                """);
        return result == null ? "" : result.toString();
    }

    private static synchronized String source() {
        if (source == null) {
            if (!Files.isReadable(FILE)) {
                String message = "Accessibility checks need axe-core's axe.min.js at " + FILE + " (fetch it: mkdir -p "
                        + FILE.getParent() + " && curl -fsSL https://registry.npmjs.org/axe-core/-/axe-core-" + VERSION
                        + ".tgz | tar -xz -C " + FILE.getParent() + " --strip-components=1 package/axe.min.js; or set"
                        + " SITEREADY_AXE_JS).";
                if ("true".equalsIgnoreCase(System.getenv("SITEREADY_REQUIRE_AXE"))) {
                    Assertions.fail(message + " SITEREADY_REQUIRE_AXE=true, so a missing axe-core fails the build.");
                }
                Assumptions.abort(message + " Skipping.");
            }
            try {
                source = Files.readString(FILE, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return source;
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
