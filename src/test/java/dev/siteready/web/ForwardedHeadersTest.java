package dev.siteready.web;

import dev.siteready.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behind a proxy (the test profile sets SITEREADY_BEHIND_PROXY=true), redirects and links name the address the browser
 * used, port included, from X-Forwarded-Proto and X-Forwarded-Host: nginx's usual {@code Host $host} drops the port.
 */
@QuarkusTest
class ForwardedHeadersTest {

    private static final String PUBLIC_HOST = "siteready.example.org:8443";

    @Test
    void redirectsNameTheForwardedSchemeHostAndPort() {
        Response response = given().redirects().follow(false).header("Host", "siteready.example.org")
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", PUBLIC_HOST).get("/settings/team");
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.header("Location")).isEqualTo("https://" + PUBLIC_HOST + "/login");
    }

    @Test
    void partnerLinksNameTheForwardedHostAndPort() {
        WebSession owner = WebSession.signUp("Forwarded Host Co");
        UUID site = owner.createSite("Forwarded Host Clinic " + UUID.randomUUID().toString().substring(0, 6), "Lab results");
        String questionnaire = "/sites/" + site + "/projects/" + owner.firstProject(site) + "/questionnaire";
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("label", "Pat Lee");
        form.put("days", "14");
        form.put("sections", List.of());
        Response created = owner.withHeader("X-Forwarded-Host", PUBLIC_HOST).post(questionnaire + "/links", form);
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(created.body().asString()).selectFirst("#new-link").text()).startsWith("http://" + PUBLIC_HOST + "/p/");
    }
}
