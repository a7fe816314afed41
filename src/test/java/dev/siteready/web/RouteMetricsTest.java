package dev.siteready.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.siteready.support.LogCapture;
import dev.siteready.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Request metrics are kept per route template, for every route: requests for many ids add no tags, and the
 * number of templates stays under the URI tag limit, so Micrometer never starts dropping requests.
 */
@QuarkusTest
class RouteMetricsTest {

    private static final Pattern URI_TAG = Pattern.compile("http_server_requests_seconds_count\\{[^}]*uri=\"([^\"]*)\"");
    private static final Pattern ID = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|(pl|inv|srt)_[A-Za-z0-9_-]{6,}");

    @Test
    void everyRouteIsCountedUnderItsTemplateAndNoneIsDropped() throws Exception {
        WebSession owner = WebSession.signUp("Metrics Co");
        String apiToken = owner.createApiToken("metrics");
        List<String[]> routes = routes();
        assertThat(routes).as("routes in the OpenAPI document").hasSizeGreaterThan(100);

        List<String> warnings;
        try (LogCapture capture = LogCapture.start()) {
            for (String[] route : routes) {
                String method = route[0];
                String template = route[1];
                for (int i = 0; i < 2; i++) { // two ids each: both must land on the same template
                    // {format} is an optional suffix (.pdf, .md) of the feasibility routes; every other parameter an id.
                    String path = template.replace("{format}", i == 0 ? "" : ".md")
                            .replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
                    // Unsafe requests carry no CSRF token and unknown ids: refused before they change anything.
                    given().redirects().follow(false)
                            .cookie("quarkus-credential", owner.cookie("quarkus-credential"))
                            .header("Authorization", "Bearer " + apiToken)
                            .request(method, path);
                }
            }
            // Static files and unknown addresses, many of each.
            for (int i = 0; i < 30; i++) {
                given().get("/static/no-such-file-" + i + ".js");
                given().get("/webjars/no-such-" + i + "/x.js");
                given().get("/no-such-page/" + UUID.randomUUID());
                // each from a network of its own: the partner link lookups are limited per network and minute, and the
                // tests' own address must keep its budget for the tests that come next (SecretLogTest)
                given().header("X-Forwarded-For", "10.77." + i + ".1").get("/p/pl_" + UUID.randomUUID());
                given().get("/api/sites/" + UUID.randomUUID()); // no token: 401 before any route matched
            }
            warnings = capture.lines().stream().filter(line -> line.contains("maximum number")).toList();
        }

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Set<String> uris = new TreeSet<>();
        Matcher m = URI_TAG.matcher(metrics);
        while (m.find()) {
            uris.add(m.group(1).replaceAll("\\{(\\w+): [^}]*}", "{$1}")); // {format: (\\.pdf|\\.md)?} is {format}
        }
        assertThat(uris).as("URI tags holding an id or a secret").noneMatch(uri -> ID.matcher(uri).find());
        assertThat(warnings).as("Micrometer's warning that it drops URI tags").isEmpty();
        List<String> missing = new ArrayList<>();
        for (String[] route : routes) {
            // A route without parameters whose answer was a redirect or a client error is counted as REDIRECTION or
            // UNKNOWN (Micrometer cannot tell its address from one no route matched); every route with ids counts
            // under its template, whatever it answered.
            if (route[1].contains("{") && !uris.contains(route[1])) {
                missing.add(route[0] + " " + route[1]);
            }
        }
        assertThat(missing).as("routes whose requests were not counted under their template; tags: " + uris).isEmpty();
    }

    /** Every route (method and template) the application declares, from its OpenAPI document. */
    private static List<String[]> routes() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(given().get("/q/openapi?format=json").then().statusCode(200)
                .extract().asString());
        List<String[]> routes = new ArrayList<>();
        for (Iterator<String> paths = doc.get("paths").fieldNames(); paths.hasNext();) {
            String path = paths.next();
            for (Iterator<String> methods = doc.get("paths").get(path).fieldNames(); methods.hasNext();) {
                String method = methods.next();
                if (Set.of("get", "post", "put", "delete", "patch").contains(method)) {
                    routes.add(new String[] { method.toUpperCase(), path });
                }
            }
        }
        return routes;
    }
}
