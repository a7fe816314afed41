package dev.siteready.deploy;

import dev.siteready.database.EmbeddedDatabase;
import dev.siteready.scoping.AnswerKey;
import dev.siteready.scoping.StandardQuestionnaire;
import dev.siteready.support.AppNode;
import dev.siteready.support.WebSession;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Two app nodes from the packaged jar on one PostgreSQL, with the same session key, behind nginx configured by
 * docs/deploy/nginx.conf. A user's consecutive requests alternate between node A and node B (directly, so which node
 * answers is certain), and nothing a user does depends on which node answered; then nginx shares requests between the
 * nodes, and a node killed in the middle of a stream of autosaves loses no acknowledged answer.
 * Run with {@code ./mvnw package -DskipTests && ./mvnw surefire:test@deploy -Dtest=TwoNodesIT}; see docs/deploy/README.md.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesIT {

    private static final int LOOKUPS_PER_MINUTE = 6;
    private static final String HOURS = StandardQuestionnaire.BUSINESS_HOURS;
    /** The home page's route in /q/metrics. */
    private static final String HOME_ROUTE = "root";
    private static final String ANSWERS_ROUTE = "/sites/{siteId}/projects/{projectId}/questionnaire/answers";

    private static EmbeddedDatabase db;
    private static AppNode a;
    private static AppNode b;
    private static NginxProxy nginx;
    private static String nginxMissing;
    private static RestAssuredConfig restAssuredBefore;

    @BeforeAll
    static void startNodesAndProxy() throws Exception {
        Optional<java.nio.file.Path> binary = NginxProxy.binary();
        if (binary.isEmpty()) {
            String missing = "nginx is not installed (apt-get install -y nginx, or set SITEREADY_NGINX to its path)";
            if ("true".equals(System.getenv("SITEREADY_REQUIRE_NGINX"))) {
                fail(missing + ", and SITEREADY_REQUIRE_NGINX=true");
            }
            nginxMissing = missing + ": the journeys through the proxy are skipped";
        }
        // A request that never ends fails the test instead of hanging it.
        restAssuredBefore = RestAssured.config;
        RestAssured.config = RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
                .setParam("http.connection.timeout", 30_000).setParam("http.socket.timeout", 180_000));

        db = EmbeddedDatabase.startEphemeral();
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        String sessionKey = Base64.getEncoder().encodeToString(key);
        // Both nodes start (and migrate the empty database) at the same time, as after a deploy.
        CompletableFuture<AppNode> startA = CompletableFuture.supplyAsync(() -> startNode("two-nodes-a", sessionKey));
        CompletableFuture<AppNode> startB = CompletableFuture.supplyAsync(() -> startNode("two-nodes-b", sessionKey));
        try {
            a = startA.join();
        } finally {
            b = startB.join();
        }
        if (binary.isPresent()) {
            nginx = NginxProxy.start(binary.get(), "127.0.0.1:" + a.port(), "127.0.0.1:" + b.port());
        }
    }

    /** A node that trusts X-Forwarded-For; its connections name it in pg_stat_activity (application_name). */
    private static AppNode startNode(String name, String sessionKey) {
        Map<String, String> connection = new LinkedHashMap<>(db.connectionProperties());
        connection.put("siteready.db.url", db.jdbcUrl() + "?ApplicationName=" + name);
        Map<String, String> env = AppNode.databaseEnv(connection, sessionKey);
        env.put("SITEREADY_BEHIND_PROXY", "true");
        env.put("SITEREADY_PARTNER_LOOKUPS_PER_MINUTE", String.valueOf(LOOKUPS_PER_MINUTE));
        return AppNode.start(name, AppNode.JAR, env);
    }

    @AfterAll
    static void stopAll() {
        try (EmbeddedDatabase database = db; AppNode nodeA = a; AppNode nodeB = b; NginxProxy proxy = nginx) {
            // closed in reverse order: nginx, the nodes, the database
        } finally {
            RestAssured.config = restAssuredBefore;
        }
    }

    /**
     * Both nodes started on the empty database at once: Flyway applied each migration once, and the callbacks, which run
     * outside its lock, left the owner without the lookup role's rights (afterMigrate.sql) whichever node ran last.
     */
    @Test
    @Order(0)
    void twoNodesStartingTogetherMigrateTheDatabaseOnce() throws SQLException {
        try (Connection c = db.superuserConnection(); PreparedStatement history = c.prepareStatement(
                "SELECT count(*), count(DISTINCT version), bool_and(success) FROM flyway_schema_history WHERE version IS NOT NULL");
                PreparedStatement lookup = c.prepareStatement("SELECT pg_has_role(?, ?, 'USAGE'), pg_has_role(?, ?, 'SET')")) {
            try (ResultSet rs = history.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).as("migrations applied").isPositive().isEqualTo(rs.getLong(2));
                assertThat(rs.getBoolean(3)).isTrue();
            }
            String owner = db.connectionProperties().get("siteready.db.user");
            lookup.setString(1, owner);
            lookup.setString(2, "siteready_lookup");
            lookup.setString(3, owner);
            lookup.setString(4, "siteready_lookup");
            try (ResultSet rs = lookup.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getBoolean(1)).as("the owner inherits the lookup role's rights").isFalse();
                assertThat(rs.getBoolean(2)).as("the owner may SET ROLE to the lookup role").isFalse();
            }
        }
        for (AppNode node : List.of(a, b)) {
            assertThat(node.log()).as("%s's log", node.name()).doesNotContain("ERROR").doesNotContain("has not been granted");
        }
    }

    @Test
    @Order(1)
    void aSessionStartedOnOneNodeContinuesOnTheOtherAndSigningOutEndsItOnBoth() {
        WebSession owner = WebSession.anonymous().via(a.baseUrl()).signUpHere("Two Nodes Co");
        assertThat(owner.via(b.baseUrl()).page("/").selectFirst("h1").text()).isEqualTo("Two Nodes Co");
        assertThat(owner.via(a.baseUrl()).page("/settings/team").select("table td").eachText()).contains(owner.email);

        WebSession laptop = WebSession.anonymous().via(b.baseUrl()).signInHere(owner.email, WebSession.PASSWORD);
        assertThat(laptop.via(a.baseUrl()).page("/").selectFirst("h1").text()).isEqualTo("Two Nodes Co");
        String ownerCookie = owner.cookie("quarkus-credential");

        Response signedOut = owner.via(b.baseUrl()).post("/logout", Map.of());
        assertThat(signedOut.statusCode()).isEqualTo(303);
        assertThat(signedOut.header("Location")).endsWith("/login?signedout=true");

        for (AppNode node : List.of(a, b)) {
            assertSignedOut(laptop.via(node.baseUrl()).get("/"), node);
            assertSignedOut(WebSession.anonymous().withCookie("quarkus-credential", ownerCookie).via(node.baseUrl()).get("/"), node);
        }
        WebSession again = WebSession.anonymous().via(a.baseUrl()).signInHere(owner.email, WebSession.PASSWORD);
        assertThat(again.via(b.baseUrl()).page("/").selectFirst("h1").text()).isEqualTo("Two Nodes Co");
    }

    @Test
    @Order(2)
    void aFormFromOneNodeIsAcceptedByTheOtherWhichShowsItsMessageOnTheFirst() {
        WebSession owner = WebSession.anonymous().via(a.baseUrl()).signUpHere("Form Nodes Co");
        Document form = owner.page("/sites/new");
        String token = form.selectFirst("form[action=/sites] input[name=csrf-token]").val();
        assertThat(token).isNotBlank();
        String name = "Cross Node Hospital " + UUID.randomUUID().toString().substring(0, 6);
        Map<String, String> site = new LinkedHashMap<>(Map.of("name", name, "ehrVendor", "Epic", "timeZone", "America/Chicago",
                "status", "SCOPING", "template", "Lab results", "contactName", "Pat Lee", "contactRole", "Interface analyst",
                "contactEmail", "pat@example.org"));
        site.put("csrf-token", token);

        Map<String, String> forged = new LinkedHashMap<>(site);
        forged.put("csrf-token", "A".repeat(token.length()));
        assertThat(owner.via(b.baseUrl()).rawPost("/sites", forged).statusCode()).isEqualTo(400);

        Response created = owner.via(b.baseUrl()).rawPost("/sites", site);
        assertThat(created.statusCode()).as(created.body().asString()).isEqualTo(303);
        String sitePath = URI.create(created.header("Location")).getPath();

        Document onA = owner.via(a.baseUrl()).page(sitePath);
        assertThat(onA.selectFirst(".flash-success").text()).contains("Site " + name + " onboarded.");
        assertThat(onA.selectFirst("h1").text()).contains(name);
        assertThat(owner.via(b.baseUrl()).page(sitePath).select(".flash-success")).as("a flash message shows once").isEmpty();
        assertThat(owner.via(a.baseUrl()).page("/sites").select("td a").eachText()).containsOnlyOnce(name);
    }

    @Test
    @Order(3)
    void aSiteAndAProjectMadeOnOneNodeAreWorkedOnFromTheOther() {
        WebSession owner = WebSession.anonymous().via(a.baseUrl()).signUpHere("Project Nodes Co");
        UUID site = owner.createSite("Alternating Medical Center", "Lab results");
        UUID first = owner.firstProject(site);
        assertThat(owner.via(b.baseUrl()).page("/sites").select("td a").eachText()).contains("Alternating Medical Center");

        Response added = owner.via(b.baseUrl()).post("/sites/" + site + "/projects", Map.of("name", "Phase 2: scheduling"));
        assertThat(added.statusCode()).isEqualTo(303);
        String projectPath = URI.create(added.header("Location")).getPath();
        Document project = owner.via(a.baseUrl()).page(projectPath);
        assertThat(project.selectFirst(".flash-success").text()).contains("Project Phase 2: scheduling created");
        assertThat(owner.via(b.baseUrl()).page("/sites/" + site).select("article.project h3 a").eachAttr("href"))
                .containsExactlyInAnyOrder("/sites/" + site + "/projects/" + first, projectPath);

        String questionnaire = "/sites/" + site + "/projects/" + first + "/questionnaire";
        Document onB = owner.via(b.baseUrl()).page(questionnaire);
        assertThat(onB.selectFirst("#questionnaire-status").text()).isEqualTo("Draft");
        Response saved = owner.via(b.baseUrl()).post(questionnaire + "/answers", Map.of("question", HOURS, "subject", "",
                "version", versionOf(onB), "value", "Mon-Fri 07:00-18:00"));
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(owner.via(a.baseUrl()).page(questionnaire).getElementById(AnswerKey.of(HOURS, "").domId())
                .selectFirst("input[name=value]").val()).isEqualTo("Mon-Fri 07:00-18:00");
    }

    @Test
    @Order(4)
    void aPartnerLinkMadeOnOneNodeOpensOnTheOtherAndTheLookupLimitIsShared() {
        WebSession owner = WebSession.anonymous().via(a.baseUrl()).signUpHere("Partner Nodes Co");
        UUID site = owner.createSite("Partner Nodes Clinic", "Lab results");
        String questionnaire = "/sites/" + site + "/projects/" + owner.firstProject(site) + "/questionnaire";
        String link = createLink(owner, questionnaire, "Pat Lee");
        assertThat(link).startsWith(a.baseUrl() + "/p/");
        String linkPath = URI.create(link).getPath();

        String partnerNetwork = randomNetwork();
        WebSession partner = WebSession.anonymous().withHeader("X-Forwarded-For", partnerNetwork + ".17").via(b.baseUrl());
        Response opened = partner.get(linkPath);
        assertThat(opened.statusCode()).isEqualTo(303);
        String partnerPath = URI.create(opened.header("Location")).getPath();
        Document onA = partner.via(a.baseUrl()).page(partnerPath);
        assertThat(onA.selectFirst("h1").text()).contains("Partner Nodes Clinic");
        Response answered = partner.via(a.baseUrl()).post(partnerPath + "/answers", Map.of("question", HOURS, "subject", "",
                "version", versionOf(onA), "value", "Mon-Sun 00:00-24:00"));
        assertThat(answered.statusCode()).isEqualTo(303);
        assertThat(partner.via(b.baseUrl()).page(partnerPath).select(".flash-success")).isNotEmpty();
        Document manager = owner.via(b.baseUrl()).page(questionnaire);
        assertThat(manager.getElementById(AnswerKey.of(HOURS, "").domId()).selectFirst("input[name=value]").val())
                .isEqualTo("Mon-Sun 00:00-24:00");
        assertThat(owner.via(a.baseUrl()).page(questionnaire + "/links").select("table.access-log tbody tr").eachText())
                .anySatisfy(row -> assertThat(row).contains("Opened the link").contains(partnerNetwork + ".0/24"))
                .anySatisfy(row -> assertThat(row).contains("Answered"));

        // One client network, its lookups alternating between the nodes: the limit counts them together.
        String network = randomNetwork();
        WebSession guesser = WebSession.anonymous();
        List<AppNode> nodes = List.of(a, b);
        for (int i = 0; i < LOOKUPS_PER_MINUTE; i++) {
            AppNode node = nodes.get(i % 2);
            Response guess = guesser.withHeader("X-Forwarded-For", network + "." + (i + 1)).via(node.baseUrl()).get("/p/pl_guess" + i);
            assertThat(guess.statusCode()).as("lookup %d on %s", i + 1, node.name()).isEqualTo(404);
        }
        for (AppNode node : List.of(a, b)) {
            Response limited = guesser.withHeader("X-Forwarded-For", network + ".99").via(node.baseUrl()).get("/p/pl_guess-more");
            assertThat(limited.statusCode()).as("a lookup over the limit on %s", node.name()).isEqualTo(429);
            assertThat(limited.header("Retry-After")).isEqualTo("60");
        }
        assertThat(WebSession.anonymous().withHeader("X-Forwarded-For", randomNetwork() + ".5").via(b.baseUrl())
                .get("/p/pl_guess-elsewhere").statusCode()).as("another network").isEqualTo(404);
    }

    @Test
    @Order(5)
    void twoMembersSavingOneAnswerOnDifferentNodesGetAConflictNotAnOverwrite() {
        WebSession owner = WebSession.anonymous().via(a.baseUrl()).signUpHere("Conflict Nodes Co");
        WebSession manager = owner.addMember("MANAGER", "Morgan Manager").via(b.baseUrl());
        UUID site = owner.createSite("Conflict Nodes Hospital", "Lab results");
        String questionnaire = "/sites/" + site + "/projects/" + owner.firstProject(site) + "/questionnaire";

        // The first answer: both pages show the question unanswered.
        String ownersVersion = versionOf(owner.page(questionnaire));
        String managersVersion = versionOf(manager.page(questionnaire));
        assertThat(ownersVersion).isEmpty();
        assertThat(managersVersion).isEmpty();
        Response ownersSave = autosave(owner, questionnaire, ownersVersion, "Mon-Fri 08:00-17:00");
        assertThat(ownersSave.statusCode()).isEqualTo(200);
        ownersVersion = versionOf(Jsoup.parseBodyFragment(ownersSave.body().asString()));
        Response refused = autosave(manager, questionnaire, managersVersion, "Mon-Sat 06:00-20:00");
        Element card = conflictCard(refused, "Mon-Fri 08:00-17:00", "Mon-Sat 06:00-20:00");

        // A later answer: the manager keeps theirs ("Save mine" on the conflict card), so the owner's card is stale.
        String current = card.selectFirst("input[name=version]").val();
        assertThat(current).isEqualTo(ownersVersion);
        assertThat(autosave(manager, questionnaire, current, "Mon-Sat 06:00-20:00").statusCode()).isEqualTo(200);
        Response stale = autosave(owner, questionnaire, ownersVersion, "Mon-Fri 09:00-17:00");
        conflictCard(stale, "Mon-Sat 06:00-20:00", "Mon-Fri 09:00-17:00");

        for (AppNode node : List.of(a, b)) {
            assertThat(owner.via(node.baseUrl()).page(questionnaire).getElementById(AnswerKey.of(HOURS, "").domId())
                    .selectFirst("input[name=value]").val()).as("on %s", node.name()).isEqualTo("Mon-Sat 06:00-20:00");
        }
        Document history = manager.page(questionnaire + "/history?question=" + HOURS + "&subject=");
        assertThat(history.select("table.history tbody tr")).hasSize(2);
    }

    @Test
    @Order(6)
    void throughNginxBothNodesServeAndTheMonitoringEndpointsStayInside() throws Exception {
        requireNginx();
        for (String path : List.of("/q/health/ready", "/q/metrics", "/q/openapi", "/q/health/../metrics")) {
            assertThat(WebSession.anonymous().via(nginx.baseUrl()).get(path).statusCode()).as("%s through nginx", path).isEqualTo(403);
        }
        for (AppNode node : List.of(a, b)) {
            assertThat(WebSession.anonymous().via(node.baseUrl()).get("/q/health/ready").statusCode()).isEqualTo(200);
        }
        // Redirects and links name the proxy's address, as the browser sees it (X-Forwarded-Host and -Proto).
        Response anonymous = WebSession.anonymous().via(nginx.baseUrl()).get("/");
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.header("Location")).isEqualTo(nginx.baseUrl() + "/login");

        WebSession owner = WebSession.anonymous().via(nginx.baseUrl()).signUpHere("Proxy Co");
        double beforeA = requests(a, "GET", HOME_ROUTE);
        double beforeB = requests(b, "GET", HOME_ROUTE);
        int pages = 6;
        for (int i = 0; i < pages; i++) {
            assertThat(owner.page("/").selectFirst("h1").text()).isEqualTo("Proxy Co");
        }
        double servedA = 0;
        double servedB = 0;
        Instant deadline = Instant.now().plusSeconds(30); // a node counts a request as its response ends
        while (servedA + servedB < pages && Instant.now().isBefore(deadline)) {
            servedA = requests(a, "GET", HOME_ROUTE) - beforeA;
            servedB = requests(b, "GET", HOME_ROUTE) - beforeB;
        }
        assertThat(servedA + servedB).as("home pages counted by the nodes").isEqualTo(pages);
        assertThat(servedA).as("home pages served by node A").isPositive();
        assertThat(servedB).as("home pages served by node B").isPositive();

        UUID site = owner.createSite("Proxy Memorial", "Lab results");
        // Bodies over nginx's default 1 MB reach the node (sample messages are up to 10 MB): this one is refused by the
        // form's own validation, not by the proxy.
        Response large = owner.post("/sites/" + site + "/projects", Map.of("name", "x".repeat(2_000_000)));
        assertThat(large.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(large.body().asString()).select(".field-error").text()).contains("1 to 160 characters");
        String questionnaire = "/sites/" + site + "/projects/" + owner.firstProject(site) + "/questionnaire";
        String link = createLink(owner, questionnaire, "Proxy Partner");
        assertThat(link).startsWith(nginx.baseUrl() + "/p/");

        // nginx replaces X-Forwarded-For, so a client cannot choose the network the lookup limit counts.
        WebSession partner = WebSession.anonymous().via(nginx.baseUrl()).withHeader("X-Forwarded-For", randomNetwork() + ".1");
        assertThat(partner.get(URI.create(link).getPath()).statusCode()).isEqualTo(303);
        for (int i = 1; i < LOOKUPS_PER_MINUTE; i++) {
            Response guess = WebSession.anonymous().via(nginx.baseUrl()).withHeader("X-Forwarded-For", randomNetwork() + ".1")
                    .get("/p/pl_proxy-guess" + i);
            assertThat(guess.statusCode()).as("lookup %d", i + 1).isEqualTo(404);
        }
        assertThat(WebSession.anonymous().via(nginx.baseUrl()).withHeader("X-Forwarded-For", randomNetwork() + ".1")
                .get("/p/pl_proxy-guess-more").statusCode()).as("a lookup over the limit, whatever X-Forwarded-For says").isEqualTo(429);
    }

    /**
     * Autosaves through nginx, one after the other, each a new value; node A is killed while one of them waits inside
     * it (held at the questionnaire's row lock, so the moment is certain). nginx does not pass that POST on: the user
     * gets an error and saves again, which node B takes. Every acknowledged value is in the answer's history, in order.
     */
    /**
     * The database, which both nodes share, goes away: through nginx every request gets the app's own 503 (its page,
     * Retry-After), not nginx's 502, and nginx has not marked the nodes as failed: the first requests once the database
     * is back all work.
     */
    @Test
    @Order(7)
    void whileTheDatabaseIsAwayTheUserGetsTheAppsAnswerThroughNginxAndNothingAfterIt() throws Exception {
        requireNginx();
        WebSession owner = WebSession.anonymous().via(nginx.baseUrl()).signUpHere("Outage Proxy Co");
        String csrf = owner.csrfToken();
        String maintenance = db.jdbcUrl().replace("/" + EmbeddedDatabase.DATABASE, "/postgres");
        try (Connection admin = java.sql.DriverManager.getConnection(maintenance, "postgres", "");
                java.sql.Statement st = admin.createStatement()) {
            st.execute("ALTER DATABASE " + EmbeddedDatabase.DATABASE + " ALLOW_CONNECTIONS false");
            try {
                st.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
                        + EmbeddedDatabase.DATABASE + "' AND pid <> pg_backend_pid()");
                for (int i = 0; i < 6; i++) {
                    Response response = i % 2 == 0 ? owner.get("/")
                            : owner.rawPost("/sites", Map.of("name", "During the outage " + i, "csrf-token", csrf));
                    assertThat(response.statusCode()).as("request %d through nginx", i + 1).isEqualTo(503);
                    assertThat(response.header("Retry-After")).isEqualTo("10");
                    assertThat(Jsoup.parse(response.body().asString()).select("h1").text())
                            .contains("can't reach its database");
                }
            } finally {
                st.execute("ALTER DATABASE " + EmbeddedDatabase.DATABASE + " ALLOW_CONNECTIONS true");
            }
        }
        for (int i = 0; i < 6; i++) {
            assertThat(owner.get("/").statusCode()).as("request %d once the database is back", i + 1).isEqualTo(200);
        }
    }

    @Test
    @Order(8)
    void killingANodeInTheMiddleOfAutosavesLosesNoAcknowledgedAnswer() throws Exception {
        requireNginx();
        WebSession owner = WebSession.anonymous().via(nginx.baseUrl()).signUpHere("Failover Co");
        UUID site = owner.createSite("Failover General", "Lab results");
        UUID project = owner.firstProject(site);
        String questionnaire = "/sites/" + site + "/projects/" + project + "/questionnaire";
        UUID questionnaireId = questionnaireOf(project);

        List<String> acknowledged = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        String version = versionOf(owner.page(questionnaire));
        int saves = 12;
        int next = 1;
        for (; next <= saves / 2; next++) {
            version = saveUntilAcknowledged(owner, questionnaire, version, value(next), acknowledged, failures);
        }
        assertThat(failures).as("failed saves while both nodes ran").isEmpty();

        ExecutorService browser = Executors.newSingleThreadExecutor();
        try {
            boolean killed = false;
            for (int tries = 0; tries < 6 && !killed; tries++, next++) {
                String value = value(next);
                String shownVersion = version;
                try (Connection lock = db.superuserConnection()) {
                    lock.setAutoCommit(false);
                    holdQuestionnaire(lock, questionnaireId);
                    Future<Response> save = browser.submit(() -> autosave(owner, questionnaire, shownVersion, value));
                    String waiting = nodeWaitingForLock(lock);
                    if (waiting.equals("two-nodes-b")) {
                        lock.rollback();
                        Response done = save.get(3, TimeUnit.MINUTES);
                        assertThat(done.statusCode()).isEqualTo(200);
                        acknowledged.add(value);
                        version = versionOf(Jsoup.parseBodyFragment(done.body().asString()));
                        continue;
                    }
                    assertThat(waiting).isEqualTo("two-nodes-a");
                    assertThat(requests(a, "POST", ANSWERS_ROUTE)).as("autosaves node A answered before").isPositive();
                    assertThat(requests(b, "POST", ANSWERS_ROUTE)).as("autosaves node B answered before").isPositive();
                    a.kill();
                    killed = true;
                    Response lost = save.get(3, TimeUnit.MINUTES);
                    assertThat(lost.statusCode()).as("the save in flight on the killed node (nginx never resends a POST)")
                            .isEqualTo(502);
                    failures.add("save " + next + ": " + lost.statusCode());
                    lock.rollback();
                }
                // The user saves the same form again.
                version = saveUntilAcknowledged(owner, questionnaire, shownVersion, value, acknowledged, failures);
            }
            assertThat(killed).as("a save was held on node A within 6 tries of the round robin").isTrue();
        } finally {
            browser.shutdownNow();
        }
        for (int after = 0; after < saves / 2; after++, next++) {
            version = saveUntilAcknowledged(owner, questionnaire, version, value(next), acknowledged, failures);
        }
        assertThat(a.alive()).isFalse();
        assertThat(failures).as("only the save in flight on node A failed: nginx passed the saves that node A refused"
                + " to node B").hasSize(1);

        // What the database holds: the last acknowledged value, and a history with every acknowledged one, in order.
        List<String[]> history = historyOf(questionnaireId);
        assertThat(history.stream().map(change -> change[1]).toList()).as("the answer's history").isEqualTo(acknowledged);
        String previous = null;
        for (String[] change : history) {
            assertThat(change[0]).as("each change starts from the one before").isEqualTo(previous);
            previous = change[1];
        }
        assertThat(currentAnswer(questionnaireId)).isEqualTo(acknowledged.get(acknowledged.size() - 1));
        assertThat(owner.page(questionnaire).getElementById(AnswerKey.of(HOURS, "").domId())
                .selectFirst("input[name=value]").val()).isEqualTo(acknowledged.get(acknowledged.size() - 1));
        assertThat(owner.page(questionnaire + "/history?question=" + HOURS + "&subject=").select("table.history tbody tr"))
                .hasSize(acknowledged.size());
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    private static void requireNginx() {
        Assumptions.assumeTrue(nginx != null, () -> nginxMissing);
    }

    private static String value(int n) {
        return String.format("Autosave %02d: Mon-Fri 08:00-17:00", n);
    }

    /** The version the page's business-hours card was shown with ("" before the first answer). */
    private static String versionOf(Document page) {
        return page.getElementById(AnswerKey.of(HOURS, "").domId()).selectFirst("input[name=version]").val();
    }

    /** The business-hours answer as htmx autosaves it. */
    private static Response autosave(WebSession member, String questionnaire, String version, String value) {
        return member.htmxPost(questionnaire + "/answers", Map.of("question", HOURS, "subject", "", "version", version, "value", value));
    }

    /** The refused save's card: a fragment with their answer, the input kept, and the current version to save over. */
    private static Element conflictCard(Response refused, String theirs, String mine) {
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body().asString()).doesNotContain("<html");
        Element card = Jsoup.parseBodyFragment(refused.body().asString()).getElementById(AnswerKey.of(HOURS, "").domId());
        assertThat(card.selectFirst(".conflict .theirs").text()).isEqualTo(theirs);
        assertThat(card.selectFirst("input[name=value]").val()).isEqualTo(mine);
        return card;
    }

    /**
     * Saves as a user would: a failed request (an error page or no answer at all) is sent again, the same form, until it
     * is acknowledged. Returns the version the acknowledged card shows.
     */
    private static String saveUntilAcknowledged(WebSession member, String questionnaire, String version, String value,
            List<String> acknowledged, List<String> failures) {
        for (int attempt = 1; attempt <= 5; attempt++) {
            try {
                Response response = autosave(member, questionnaire, version, value);
                if (response.statusCode() == 200) {
                    acknowledged.add(value);
                    return versionOf(Jsoup.parseBodyFragment(response.body().asString()));
                }
                assertThat(response.statusCode()).as("a save refused for another reason than a failed node: %s",
                        response.body().asString()).isIn(502, 503, 504);
                failures.add(value + ": " + response.statusCode());
            } catch (RuntimeException e) {
                failures.add(value + ": " + e);
            }
            AppNode.sleep(1000);
        }
        throw new AssertionError("'" + value + "' was not saved in 5 attempts: " + failures);
    }

    private static String createLink(WebSession owner, String questionnaire, String label) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("label", label);
        form.put("days", "14");
        form.put("sections", List.of());
        Response response = owner.post(questionnaire + "/links", form);
        assertThat(response.statusCode()).as(response.body().asString()).isEqualTo(200);
        return Jsoup.parse(response.body().asString()).selectFirst("#new-link").text();
    }

    private static void assertSignedOut(Response response, AppNode node) {
        assertThat(response.statusCode()).as("a page on %s after sign-out", node.name()).isEqualTo(302);
        assertThat(response.header("Location")).endsWith("/login");
    }

    private static String randomNetwork() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "10." + r.nextInt(256) + "." + r.nextInt(256);
    }

    /** Requests the node counted for the route template and method, from its /q/metrics (all statuses). */
    private static double requests(AppNode node, String method, String route) throws IOException, InterruptedException {
        HttpResponse<String> metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(node.baseUrl() + "/q/metrics"))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.statusCode()).isEqualTo(200);
        Pattern line = Pattern.compile("^http_server_requests_seconds_count\\{(.*)} (\\S+)$", Pattern.MULTILINE);
        double total = 0;
        Matcher m = line.matcher(metrics.body());
        while (m.find()) {
            if (m.group(1).contains("method=\"" + method + "\"") && m.group(1).contains("uri=\"" + route + "\"")) {
                total += Double.parseDouble(m.group(2));
            }
        }
        return total;
    }

    private static UUID questionnaireOf(UUID project) throws SQLException {
        try (Connection c = db.superuserConnection();
                PreparedStatement ps = c.prepareStatement("SELECT id FROM questionnaire WHERE project_id = ?")) {
            ps.setObject(1, project);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getObject(1, UUID.class);
            }
        }
    }

    /** Takes the questionnaire's row lock, which every save of one of its answers waits for first. */
    private static void holdQuestionnaire(Connection lock, UUID questionnaireId) throws SQLException {
        try (PreparedStatement ps = lock.prepareStatement("SELECT 1 FROM questionnaire WHERE id = ? FOR UPDATE")) {
            ps.setObject(1, questionnaireId);
            ps.executeQuery().close();
        }
    }

    /** The node (its connections' application_name) whose request waits for the lock this connection holds. */
    private static String nodeWaitingForLock(Connection lock) throws SQLException {
        Instant deadline = Instant.now().plusSeconds(120);
        try (PreparedStatement ps = lock.prepareStatement("SELECT application_name FROM pg_stat_activity"
                + " WHERE pg_backend_pid() = ANY (pg_blocking_pids(pid))")) {
            while (Instant.now().isBefore(deadline)) {
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return rs.getString(1);
                    }
                }
                AppNode.sleep(100);
            }
        }
        throw new AssertionError("no save waited for the questionnaire's lock within 120 s");
    }

    /** The business-hours answer's changes, oldest first: old and new value as text. */
    private static List<String[]> historyOf(UUID questionnaireId) throws SQLException {
        List<String[]> changes = new ArrayList<>();
        try (Connection c = db.superuserConnection(); PreparedStatement ps = c.prepareStatement("SELECT old_value #>> '{}',"
                + " new_value #>> '{}' FROM answer_change WHERE questionnaire_id = ? AND question_key = ? AND subject = ''"
                + " AND kind = 'ANSWER' ORDER BY changed_at, id")) {
            ps.setObject(1, questionnaireId);
            ps.setString(2, HOURS);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    changes.add(new String[] { rs.getString(1), rs.getString(2) });
                }
            }
        }
        return changes;
    }

    private static String currentAnswer(UUID questionnaireId) throws SQLException {
        try (Connection c = db.superuserConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT value #>> '{}' FROM answer WHERE questionnaire_id = ? AND question_key = ? AND subject = ''")) {
            ps.setObject(1, questionnaireId);
            ps.setString(2, HOURS);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        }
    }
}
