package dev.siteready.support;

import io.restassured.http.Cookie;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A browser-like client for tests: keeps cookies (session, CSRF, flash) between requests, sends the CSRF
 * token with form posts, and never follows redirects so tests see them.
 */
public final class WebSession {

    public static final String PASSWORD = "correct horse battery";
    /** The time zone of the sites {@link #createSite(String, String)} makes, whose days the app's decisions follow. */
    public static final ZoneId SITE_ZONE = ZoneId.of("America/Chicago");

    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();
    public String email;
    public String workspaceName;
    /** Where requests go: null for the app of the running {@code @QuarkusTest}; an app node's address in deploy tests. */
    private String baseUrl;

    public static WebSession anonymous() {
        return new WebSession();
    }

    /** Signs up a new workspace with a unique owner e-mail and returns the signed-in owner. */
    public static WebSession signUp(String workspaceName) {
        return new WebSession().signUpHere(workspaceName);
    }

    /** Signs up a new workspace through this (anonymous) session's app, e.g. {@code anonymous().via(node).signUpHere(..)}. */
    public WebSession signUpHere(String workspaceName) {
        WebSession session = this;
        session.email = uniqueEmail("owner");
        session.workspaceName = workspaceName;
        Response response = session.post("/signup", Map.of("workspaceName", workspaceName, "name", "Owner of " + workspaceName,
                "email", session.email, "password", PASSWORD));
        assertEquals(303, response.statusCode(), () -> "sign-up failed: " + response.body().asString());
        session.land(response);
        return session;
    }

    /** Signs in through Quarkus form authentication. */
    public static WebSession signIn(String email, String password) {
        return new WebSession().signInHere(email, password);
    }

    /** Signs in through this (anonymous) session's app. */
    public WebSession signInHere(String email, String password) {
        WebSession session = this;
        session.email = email;
        Response response = session.rawPost("/j_security_check", Map.of("j_username", email, "j_password", password));
        String location = response.header("Location");
        if (location == null || location.contains("error")) {
            throw new AssertionError("sign-in failed for " + email + ": " + response.statusCode() + " " + location);
        }
        session.land(response);
        return session;
    }

    public static String uniqueEmail(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 12) + "@example.test";
    }

    /** Invites someone (as this owner or manager) and returns the invitation link's path. */
    public String invite(String email, String role) {
        Response response = post("/settings/team/invitations", Map.of("email", email, "role", role));
        assertEquals(200, response.statusCode(), () -> "invitation failed: " + response.body().asString());
        String link = Jsoup.parse(response.body().asString()).selectFirst("#invitation-link").text();
        return link.substring(link.indexOf("/invitations/"));
    }

    /** Invites a new person with the role and returns them signed in. */
    public WebSession addMember(String role, String name) {
        WebSession member = new WebSession();
        member.baseUrl = baseUrl; // joins through the same app (node) as the inviter
        member.email = uniqueEmail(role.toLowerCase());
        member.workspaceName = workspaceName;
        Response joined = member.post(invite(member.email, role), Map.of("name", name, "password", PASSWORD));
        assertEquals(303, joined.statusCode(), () -> "joining failed: " + joined.body().asString());
        member.land(joined);
        return member;
    }

    /** Creates an API token (as this owner or manager) and returns it. */
    public String createApiToken(String name) {
        Response response = post("/settings/api-tokens", Map.of("name", name));
        assertEquals(200, response.statusCode(), () -> "token creation failed: " + response.body().asString());
        return Jsoup.parse(response.body().asString()).selectFirst("#new-token").text();
    }

    /** Onboards a site through the new-site form and returns its id. */
    public UUID createSite(String name, String template) {
        return createSite(name, template, SITE_ZONE.getId());
    }

    /** Onboards a site in the time zone through the new-site form and returns its id. */
    public UUID createSite(String name, String template, String timeZone) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", name);
        form.put("ehrVendor", "Epic");
        form.put("timeZone", timeZone);
        form.put("status", "SCOPING");
        form.put("template", template == null ? "" : template);
        form.put("contactName", "Pat Lee");
        form.put("contactRole", "Interface analyst");
        form.put("contactEmail", "pat@example.org");
        Response response = post("/sites", form);
        assertEquals(303, response.statusCode(), () -> "site creation failed: " + response.body().asString());
        String location = response.header("Location");
        return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }

    /** The id of the first project of a site, from the site page. */
    public UUID firstProject(UUID site) {
        String href = page("/sites/" + site).selectFirst("article.project h3 a").attr("href");
        return UUID.fromString(href.substring(href.lastIndexOf('/') + 1));
    }

    public Response get(String path) {
        return remember(request().get(path));
    }

    public Response get(String path, Map<String, String> headers) {
        return remember(request().headers(headers).get(path));
    }

    /** GET expecting 200 and HTML; returns the parsed page. */
    public Document page(String path) {
        Response response = get(path);
        assertEquals(200, response.statusCode(), () -> "GET " + path + " -> " + response.statusCode());
        return Jsoup.parse(response.body().asString());
    }

    /** Form POST with this session's CSRF token. */
    public Response post(String path, Map<String, ?> form) {
        Map<String, Object> withToken = new LinkedHashMap<>(form);
        withToken.put("csrf-token", csrfToken());
        return rawPost(path, withToken);
    }

    /** A POST as htmx sends it: HX-Request header, CSRF token in the X-CSRF-TOKEN header. */
    public Response htmxPost(String path, Map<String, ?> form) {
        RequestSpecification spec = request().contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .header("HX-Request", "true").header("X-CSRF-TOKEN", csrfToken());
        addForm(spec, form);
        return remember(spec.post(path));
    }

    /** A multipart form POST with this session's CSRF token; each field is sent as a file part of that file name. */
    public Response multipartFilePost(String path, Map<String, String> fields, String fileName) {
        RequestSpecification spec = request().contentType("multipart/form-data; charset=UTF-8");
        fields.forEach((name, value) -> spec.multiPart(new io.restassured.builder.MultiPartSpecBuilder(value)
                .controlName(name).fileName(fileName).mimeType("text/plain").charset("UTF-8").build()));
        spec.multiPart("csrf-token", csrfToken());
        return remember(spec.post(path));
    }

    /** Form POST exactly as given: no CSRF token is added. */
    public Response rawPost(String path, Map<String, ?> form) {
        RequestSpecification spec = request().contentType("application/x-www-form-urlencoded; charset=UTF-8");
        addForm(spec, form);
        return remember(spec.post(path));
    }

    /** Form fields; a collection value becomes a repeated field (checkbox groups). */
    private static void addForm(RequestSpecification spec, Map<String, ?> form) {
        form.forEach((name, value) -> {
            if (value instanceof java.util.Collection<?> values) {
                spec.formParam(name, values);
            } else {
                spec.formParam(name, value);
            }
        });
    }

    public String csrfToken() {
        if (!cookies.containsKey("csrf-token")) {
            get(cookies.containsKey("quarkus-credential") ? "/" : "/login");
        }
        return cookies.get("csrf-token");
    }

    /**
     * Opens the page a sign-in redirected to, as a browser does: every sign-in drops the CSRF cookie, and that page
     * issues the new token.
     */
    private void land(Response signedIn) {
        java.net.URI location = java.net.URI.create(signedIn.header("Location"));
        get(location.getRawPath() + (location.getRawQuery() == null ? "" : "?" + location.getRawQuery()));
    }

    public String cookie(String name) {
        return cookies.get(name);
    }

    public WebSession withoutCookie(String name) {
        cookies.remove(name);
        return this;
    }

    /** Sends the header with every request of this session (e.g. X-Forwarded-For: a client address). */
    public WebSession withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** A client from its own address, as the test profile trusts X-Forwarded-For. */
    public static WebSession fromOwnAddress() {
        java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
        return anonymous().withHeader("X-Forwarded-For", "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(250)));
    }

    public WebSession withCookie(String name, String value) {
        cookies.put(name, value);
        return this;
    }

    /**
     * Sends this session's next requests to another app (deploy tests: one node, another node, the proxy); the
     * cookies go along, as a browser's would behind a load balancer.
     */
    public WebSession via(String baseUrl) {
        this.baseUrl = baseUrl;
        return this;
    }

    private RequestSpecification request() {
        RequestSpecification spec = given().redirects().follow(false).cookies(cookies).headers(headers);
        if (baseUrl != null) {
            java.net.URI uri = java.net.URI.create(baseUrl);
            spec.baseUri(uri.getScheme() + "://" + uri.getHost()).port(uri.getPort());
        }
        return spec;
    }

    private Response remember(Response response) {
        for (Cookie cookie : response.detailedCookies()) {
            if (cookie.getMaxAge() == 0 || cookie.getValue() == null || cookie.getValue().isEmpty()) {
                cookies.remove(cookie.getName());
            } else {
                cookies.put(cookie.getName(), cookie.getValue());
            }
        }
        return response;
    }
}
