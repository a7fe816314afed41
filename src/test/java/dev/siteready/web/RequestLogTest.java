package dev.siteready.web;

import dev.siteready.support.Db;
import dev.siteready.support.LogCapture;
import dev.siteready.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.LogRecord;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** One line per request for operators, and slow statements named with their request and route. */
@QuarkusTest
class RequestLogTest {

    @Test
    void eachRequestIsLoggedWithItsIdRouteStatusDurationAndWorkspace() {
        WebSession owner = WebSession.signUp("Logged Co");
        UUID site = owner.createSite("Logged General", null);
        UUID workspace = Db.workspaceOf(owner.email);
        try (LogCapture capture = LogCapture.start()) {
            Response page = owner.get("/sites/" + site, Map.of("X-Request-Id", "nginx-0123456789abcdef"));
            assertEquals(200, page.statusCode());
            assertEquals("nginx-0123456789abcdef", page.header("X-Request-Id"), "the proxy's id is kept and echoed");

            Response hostile = owner.get("/sites/" + site, Map.of("X-Request-Id", "<script>alert(1)</script> forged line"));
            String generated = hostile.header("X-Request-Id");
            assertThat(generated).matches("[0-9a-f]{16}");

            Response missing = owner.get("/sites/" + UUID.randomUUID());
            assertEquals(404, missing.statusCode());

            given().get("/p/pl_notARealSecretButShapedLikeOne123456").then().statusCode(org.hamcrest.Matchers.anyOf(
                    org.hamcrest.Matchers.is(404), org.hamcrest.Matchers.is(429)));

            List<LogRecord> lines = capture.records("siteready.request");
            LogRecord first = line(lines, "nginx-0123456789abcdef");
            assertThat(message(first)).matches("GET /sites/\\{id} 200 \\d+\\.\\d ms workspace=" + workspace);
            assertThat(message(line(lines, generated))).startsWith("GET /sites/{id} 200 ");
            assertThat(message(line(lines, missing.header("X-Request-Id")))).startsWith("GET /sites/{id} 404 ");
            assertThat(lines).noneMatch(r -> message(r).contains("script") || message(r).contains("pl_notARealSecret"));
            assertThat(lines).anyMatch(r -> message(r).startsWith("GET /p/")); // the template, shown redacted like any /p/ path
        }
    }

    @Test
    void aSlowStatementIsLoggedWithTheRequestAndItsRouteButNoValue() {
        WebSession owner = WebSession.signUp("Slow Co");
        String marker = UUID.randomUUID().toString();
        try (LogCapture capture = LogCapture.start()) {
            Response response = owner.get("/test-only/slow-statement/" + marker, Map.of("X-Request-Id", "slow-request-0001"));
            assertEquals(200, response.statusCode());
            List<LogRecord> slow = capture.records("org.hibernate.SQL_SLOW");
            assertThat(slow).as("Hibernate's slow statement line").hasSize(1);
            ExtLogRecord record = (ExtLogRecord) slow.get(0);
            assertThat(String.valueOf(record.getMdc("request")))
                    .isEqualTo("request=slow-request-0001 route=/test-only/slow-statement/{id} ");
            assertThat(capture.lines()).noneMatch(l -> l.contains(marker));
        }
    }

    @Test
    void requestsAreCountedPerRouteRedirectsAfterAFormPostIncluded() {
        WebSession owner = WebSession.signUp("Counted Co");
        owner.createSite("Counted General", null); // POST /sites, answered 303
        owner.createSite("Counted Memorial", null);
        given().get("/q/no-such-endpoint-" + UUID.randomUUID());
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).containsPattern("siteready_requests_seconds_count\\{method=\"POST\",route=\"/sites\",status=\"303\"} [1-9]");
        assertThat(metrics).containsPattern("siteready_requests_seconds_count\\{method=\"GET\",route=\"/\",status=\"200\"} [1-9]");
        assertThat(metrics).doesNotContain("no-such-endpoint");
    }

    @Test
    void requestsWithoutARouteAreNamedWithoutTheirAddress() {
        try (LogCapture capture = LogCapture.start()) {
            Response response = given().get("/static/no-such-file.js");
            assertNotEquals(200, response.statusCode());
            assertThat(capture.records("siteready.request")).anyMatch(r -> message(r).startsWith("GET /static/* 404 "));
        }
    }

    private static LogRecord line(List<LogRecord> lines, String id) {
        return lines.stream().filter(r -> ("request=" + id + " ").equals(((ExtLogRecord) r).getMdc("request")))
                .findFirst().orElseThrow(() -> new AssertionError("no line for request " + id + " in " + lines.stream()
                        .map(r -> ((ExtLogRecord) r).getMdc("request") + " " + message(r)).toList()));
    }

    private static String message(LogRecord record) {
        return ((ExtLogRecord) record).getFormattedMessage();
    }
}
