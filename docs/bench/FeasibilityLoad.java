import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load harness for docs/bench/feasibility.sh (plain JDK, no build):
 * java docs/bench/FeasibilityLoad.java BASE-URL COOKIE-FILE SITES-FILE TOTAL-SITES [N] [WARMUP] [LOGIN-N]
 * COOKIE-FILE holds the Cookie header of a signed-in member (quarkus-credential=...; csrf-token=...);
 * SITES-FILE one site id per line, each site one virtual user (its questionnaire partly answered), optionally followed
 * by a space and the id of the site's project, whose testing page is then measured too.
 * All users at once, one thread each, no think time, one phase after another: WARMUP then N x (LOGIN-N x,
 * default 10 N, for the baseline, so that its measured window is not a few seconds only)
 *   GET /login without cookies (baseline: a small form, no database work),
 *   GET /sites/{id}/feasibility (each user its own site),
 *   GET / (the portfolio of TOTAL-SITES sites, default sort) and
 *   GET /?verdict=INCOMPLETE&sort=golive and
 *   GET /sites/{id}/projects/{id}/testing (each user its own project; when SITES-FILE names projects).
 * Each user keeps its own copy of the session cookie and takes a renewed one when the server sends it, as a
 * browser would. A reply other than 200, or a 200 without the expected content, counts as an error (status
 * -1). Prints p50/p95/p99/max and requests per second of the measured requests, and each page's throughput
 * relative to /login. Each phase prints its wall-clock window, to compare with other load on the machine.
 */
public class FeasibilityLoad {

    static final String SESSION = "quarkus-credential";
    static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

    static String base;
    static int totalSites;

    /** One virtual user: its site and its cookies. */
    static final class User {
        final String site;
        final String project;
        String session;
        final String csrf;

        User(String line, String session, String csrf) {
            String[] ids = line.split("\\s+");
            this.site = ids[0];
            this.project = ids.length > 1 ? ids[1] : null;
            this.session = session;
            this.csrf = csrf;
        }

        String cookies() {
            return SESSION + "=" + session + "; csrf-token=" + csrf;
        }

        /** Takes a renewed session cookie if the reply has one. */
        void renew(HttpResponse<?> r) {
            r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(SESSION + "="))
                    .map(c -> c.substring(SESSION.length() + 1).split(";", 2)[0]).filter(v -> !v.isEmpty())
                    .findFirst().ifPresent(v -> session = v);
        }
    }

    interface Call {
        /** Sends one request for the user; returns the status, or -1 for a 200 without the expected content. */
        int send(User u) throws Exception;
    }

    record Result(String name, double p50, double p95, double p99, double max, double perSecond, Map<Integer, Integer> statuses) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: java FeasibilityLoad.java BASE-URL COOKIE-FILE SITES-FILE TOTAL-SITES [requests-per-user] [warm-up-per-user] [login-requests-per-user]");
            System.exit(2);
        }
        base = args[0].replaceAll("/+$", "");
        Map<String, String> cookies = new TreeMap<>();
        for (String c : Files.readString(Path.of(args[1])).strip().split(";\\s*")) {
            String[] kv = c.split("=", 2);
            cookies.put(kv[0], kv.length > 1 ? kv[1] : "");
        }
        if (!cookies.containsKey(SESSION) || !cookies.containsKey("csrf-token")) {
            throw new IllegalStateException("the cookie file needs " + SESSION + " and csrf-token");
        }
        List<String> sites = Files.readAllLines(Path.of(args[2])).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        totalSites = Integer.parseInt(args[3]);
        int n = args.length > 4 ? Integer.parseInt(args[4]) : 100;
        int warmup = args.length > 5 ? Integer.parseInt(args[5]) : 20;
        int loginN = args.length > 6 ? Integer.parseInt(args[6]) : 10 * n;
        List<User> users = sites.stream().map(s -> new User(s, cookies.get(SESSION), cookies.get("csrf-token"))).toList();
        System.out.printf("%d users, each on its own site; %d warm-up + %d measured requests per user and phase (%d for /login)%n",
                users.size(), warmup, n, loginN);
        List<Result> results = new ArrayList<>();
        results.add(run("GET /login (no cookies)               ", users, loginN, warmup, FeasibilityLoad::login));
        results.add(run("GET /sites/{id}/feasibility           ", users, n, warmup, FeasibilityLoad::summary));
        results.add(run("GET / (portfolio, default sort)       ", users, n, warmup, u -> portfolio(u, "/", true)));
        results.add(run("GET /?verdict=INCOMPLETE&sort=golive  ", users, n, warmup,
                u -> portfolio(u, "/?verdict=INCOMPLETE&sort=golive", false)));
        if (users.stream().allMatch(u -> u.project != null)) {
            results.add(run("GET /sites/{id}/projects/{id}/testing ", users, n, warmup, FeasibilityLoad::testing));
        }
        double baseline = results.get(0).perSecond();
        for (Result r : results.subList(1, results.size())) {
            System.out.printf("throughput relative to GET /login: %s %.3f (1 : %.0f)%n", r.name().strip(), r.perSecond() / baseline,
                    baseline / r.perSecond());
        }
        boolean failed = results.stream().anyMatch(r -> r.statuses().keySet().stream().anyMatch(s -> s != 200));
        if (failed) {
            System.out.println("SOME REQUESTS FAILED: see the statuses above and the server log");
            System.exit(1);
        }
    }

    static int login(User u) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return check(r, r.body().contains("name=\"j_username\""));
    }

    static int summary(User u) throws Exception {
        HttpResponse<String> r = get(u, "/sites/" + u.site + "/feasibility");
        return check(r, r.body().contains("id=\"headline\"") && r.body().contains("/sites/" + u.site + "/feasibility"));
    }

    static int testing(User u) throws Exception {
        HttpResponse<String> r = get(u, "/sites/" + u.site + "/projects/" + u.project + "/testing");
        return check(r, r.body().contains("id=\"checklist\"") && r.body().contains("id=\"timeline\""));
    }

    static int portfolio(User u, String path, boolean all) throws Exception {
        HttpResponse<String> r = get(u, path);
        return check(r, r.body().contains("id=\"portfolio-table\"")
                && (!all || r.body().contains("id=\"portfolio-count\">" + totalSites + " sites")));
    }

    static HttpResponse<String> get(User u, String path) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", u.cookies()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        u.renew(r);
        return r;
    }

    static int check(HttpResponse<String> r, boolean expected) {
        return r.statusCode() == 200 && !expected ? -1 : r.statusCode();
    }

    static Result run(String name, List<User> users, int n, int warmup, Call call) throws Exception {
        int count = users.size();
        long[][] latencies = new long[count][n];
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        AtomicLong start = new AtomicLong();
        AtomicLong end = new AtomicLong();
        CyclicBarrier measured = new CyclicBarrier(count, () -> start.set(System.nanoTime()));
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            User u = users.get(i);
            long[] mine = latencies[i];
            Thread t = new Thread(() -> {
                try {
                    for (int w = 0; w < warmup; w++) {
                        call.send(u);
                    }
                    measured.await();
                    for (int k = 0; k < n; k++) {
                        long t0 = System.nanoTime();
                        int status = call.send(u);
                        mine[k] = System.nanoTime() - t0;
                        statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                    }
                    end.accumulateAndGet(System.nanoTime(), Math::max);
                } catch (Throwable e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                    measured.reset();
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException(name.strip() + " failed", failures.get(0));
        }
        String window = CLOCK.format(LocalTime.now().minusNanos(System.nanoTime() - start.get())) + "-"
                + CLOCK.format(LocalTime.now().minusNanos(System.nanoTime() - end.get()));
        long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
        double seconds = (end.get() - start.get()) / 1e9;
        Map<Integer, Integer> byStatus = new TreeMap<>();
        statuses.forEach((s, c) -> byStatus.put(s, c.get()));
        Result r = new Result(name, ms(all, 50), ms(all, 95), ms(all, 99), all[all.length - 1] / 1e6, all.length / seconds, byStatus);
        System.out.printf("%s %d users x %d: p50 %.1f, p95 %.1f, p99 %.1f, max %.1f ms; %.1f requests/s over %.1f s (%s); statuses %s%n",
                name, count, n, r.p50(), r.p95(), r.p99(), r.max(), r.perSecond(), seconds, window, byStatus);
        return r;
    }

    static double ms(long[] sorted, int percentile) {
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1; // nearest-rank percentile
        return sorted[Math.max(0, rank)] / 1e6;
    }
}
