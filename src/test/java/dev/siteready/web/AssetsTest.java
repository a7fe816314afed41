package dev.siteready.web;

import dev.siteready.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.security.MessageDigest;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/** Pages name SiteReady's own static files by an address that changes with their content, so caching them is safe. */
@QuarkusTest
class AssetsTest {

    @Test
    void everyLayoutNamesItsStaticFilesByTheirContent() throws Exception {
        WebSession owner = WebSession.signUp("Assets Co");
        Document signedIn = owner.page("/");
        Document signIn = WebSession.anonymous().page("/login");
        for (Document page : new Document[] { signedIn, signIn }) {
            String css = page.selectFirst("link[rel=stylesheet][href^=/static/]").attr("href");
            String js = page.selectFirst("script[src^=/static/]").attr("src");
            String icon = page.selectFirst("link[rel=icon]").attr("href");
            for (String address : new String[] { css, js, icon }) {
                assertThat(address).matches("/static/[a-z.]+\\?v=[0-9a-f]{12}");
                Response file = WebSession.anonymous().get(address);
                assertThat(file.statusCode()).as(address).isEqualTo(200);
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(file.body().asByteArray());
                assertThat(address).as("the version is the served file's content")
                        .endsWith("?v=" + HexFormat.of().formatHex(digest).substring(0, 12));
                assertThat(file.header("Cache-Control")).as(address).contains("immutable");
            }
        }
    }

    @Test
    void staticFilesAreCompressedAndPagesAreNot() {
        WebSession owner = WebSession.signUp("Compression Co");
        Document home = owner.page("/");
        for (String address : new String[] { home.selectFirst("link[rel=stylesheet][href^=/static/]").attr("href"),
                home.selectFirst("script[src^=/static/]").attr("src"),
                home.selectFirst("script[src^=/webjars/]").attr("src") }) {
            Response file = WebSession.anonymous().get(address, java.util.Map.of("Accept-Encoding", "gzip"));
            assertThat(file.header("Content-Encoding")).as(address).isEqualTo("gzip");
        }
        // pages hold the CSRF token beside text a visitor chooses: never compressed (BREACH)
        for (String path : new String[] { "/", "/sites?q=abc" }) {
            Response page = owner.get(path, java.util.Map.of("Accept-Encoding", "gzip"));
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.header("Content-Encoding")).as(path).isNotEqualTo("gzip");
        }
        Response login = WebSession.anonymous().get("/login", java.util.Map.of("Accept-Encoding", "gzip"));
        assertThat(login.header("Content-Encoding")).isNotEqualTo("gzip");
    }
}
