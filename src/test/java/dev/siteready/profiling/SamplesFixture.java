package dev.siteready.profiling;

import dev.siteready.support.WebSession;
import io.restassured.response.Response;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A signed-up owner with a site onboarded from "Lab results" (Results and Order in scope, questionnaire started). */
record SamplesFixture(WebSession owner, UUID site, UUID project) {

    static SamplesFixture create(String name) {
        WebSession owner = WebSession.signUp(name + " " + UUID.randomUUID().toString().substring(0, 6));
        UUID site = owner.createSite(name + " Hospital " + UUID.randomUUID().toString().substring(0, 6), "Lab results");
        return new SamplesFixture(owner, site, owner.firstProject(site));
    }

    String base() {
        return "/sites/" + site + "/projects/" + project + "/samples";
    }

    Response paste(String text) {
        return owner.post(base(), Map.of("samples", text));
    }

    /** Pastes the samples, expects them profiled, and returns the page. */
    Document profile(String text) {
        Response response = paste(text);
        assertThat(response.statusCode()).as(response.body().asString()).isEqualTo(200);
        return Jsoup.parse(response.body().asString());
    }

    UUID latestProfile() {
        String href = owner.page(base()).selectFirst("#profile-list tbody tr a").attr("href");
        return UUID.fromString(href.substring(href.lastIndexOf('/') + 1));
    }
}
