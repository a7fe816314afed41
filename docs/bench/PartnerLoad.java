import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load harness for docs/bench/partner.sh (plain JDK, no build): java docs/bench/PartnerLoad.java LINKS [N] [WARMUP]
 * LINKS holds one partner link URL per line; each line is one virtual partner with its own questionnaire.
 * Each partner opens its link once (GET /p/{token}: 303 and the partner cookie), loads its page once for the
 * csrf-token cookie and the answer's version, then, all partners at once in one thread each:
 * WARMUP then N x GET /partner/{qid}, and WARMUP then N x autosave (POST /partner/{qid}/answers, htmx) of
 * golive.business_hours with a new value each time and the version from the previous reply, so every
 * save is a real change. Prints p50/p95/p99/max and requests per second of the measured requests.
 */
public class PartnerLoad {

    static final String QUESTION = "golive.business_hours";
    static final Pattern VERSION = Pattern.compile("name=\"question\" value=\"" + Pattern.quote(QUESTION)
            + "\">\\s*<input type=\"hidden\" name=\"subject\" value=\"\">\\s*<input type=\"hidden\" name=\"version\" value=\"(\\d*)\"");

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

    /** One partner: its page, its cookies and the version of its answer. */
    static final class Partner {
        final int index;
        String page;
        String partnerCookie;
        String csrf;
        String version = "";
        int saves;

        Partner(int index) {
            this.index = index;
        }

        String cookies() {
            return "siteready-partner=" + partnerCookie + "; csrf-token=" + csrf;
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: java PartnerLoad.java LINKS-FILE [requests-per-user] [warm-up-per-user]");
            System.exit(2);
        }
        List<String> links = Files.readAllLines(Path.of(args[0])).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        List<Partner> partners = new ArrayList<>();
        for (int i = 0; i < links.size(); i++) {
            partners.add(open(i, links.get(i)));
        }
        System.out.printf("%d partners, each on its own questionnaire; %d warm-up + %d measured requests per partner and phase%n",
                partners.size(), warmup, n);
        run("GET  /partner/{qid}          ", partners, n, warmup, PartnerLoad::page);
        run("POST /partner/{qid}/answers  ", partners, n, warmup, PartnerLoad::save);
    }

    /** Opens the link once (303 plus cookie), then the page once for the CSRF cookie and the version. */
    static Partner open(int index, String link) throws Exception {
        Partner p = new Partner(index);
        HttpResponse<String> opened = HTTP.send(HttpRequest.newBuilder(URI.create(link)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (opened.statusCode() != 303) {
            throw new IllegalStateException("opening " + link + " -> " + opened.statusCode() + " (429 = link lookups throttled)");
        }
        p.page = URI.create(link).resolve(opened.headers().firstValue("Location").orElseThrow()).toString();
        p.partnerCookie = cookie(opened, "siteready-partner");
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(p.page))
                .header("Cookie", "siteready-partner=" + p.partnerCookie).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (page.statusCode() != 200) {
            throw new IllegalStateException("GET " + p.page + " -> " + page.statusCode());
        }
        p.csrf = cookie(page, "csrf-token");
        p.version = version(page.body());
        return p;
    }

    static String cookie(HttpResponse<?> response, String name) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(name.length() + 1).split(";", 2)[0]).findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + name + " cookie from " + response.uri()));
    }

    static String version(String body) {
        Matcher m = VERSION.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no version field for " + QUESTION + " in the reply");
        }
        return m.group(1);
    }

    interface Call {
        /** Sends one request for the partner; returns the status. */
        int send(Partner p) throws Exception;
    }

    static int page(Partner p) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(p.page)).header("Cookie", p.cookies()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200 && !r.body().contains("name=\"question\" value=\"" + QUESTION + "\"")) {
            return -1; // not the questionnaire page
        }
        return r.statusCode();
    }

    static int save(Partner p) throws Exception {
        p.saves++;
        String value = "Mon-Fri 07:00-19:00 CT (partner " + p.index + ", save " + p.saves + ")";
        String body = "question=" + enc(QUESTION) + "&subject=&version=" + enc(p.version) + "&value=" + enc(value);
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(p.page + "/answers"))
                .header("Cookie", p.cookies()).header("HX-Request", "true").header("X-CSRF-TOKEN", p.csrf)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200 || r.statusCode() == 409) {
            String next = version(r.body());
            if (r.statusCode() == 200 && next.equals(p.version)) {
                return -2; // answered 200 without a new version: not saved
            }
            p.version = next;
        }
        return r.statusCode();
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static void run(String name, List<Partner> partners, int n, int warmup, Call call) throws Exception {
        int users = partners.size();
        long[][] latencies = new long[users][n];
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        AtomicLong start = new AtomicLong();
        AtomicLong end = new AtomicLong();
        CyclicBarrier measured = new CyclicBarrier(users, () -> start.set(System.nanoTime()));
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            Partner p = partners.get(u);
            long[] mine = latencies[u];
            Thread t = new Thread(() -> {
                try {
                    for (int i = 0; i < warmup; i++) {
                        call.send(p);
                    }
                    measured.await();
                    for (int i = 0; i < n; i++) {
                        long t0 = System.nanoTime();
                        int status = call.send(p);
                        mine[i] = System.nanoTime() - t0;
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
        long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
        double seconds = (end.get() - start.get()) / 1e9;
        System.out.printf("%s %d users x %d: p50 %s, p95 %s, p99 %s, max %s ms; %.0f requests/s over %.1f s; statuses %s%n",
                name, users, n, ms(all, 50), ms(all, 95), ms(all, 99), String.format("%.1f", all[all.length - 1] / 1e6),
                all.length / seconds, seconds, new TreeMap<>(statuses));
    }

    static String ms(long[] sorted, int percentile) {
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1; // nearest-rank percentile
        return String.format("%.1f", sorted[Math.max(0, rank)] / 1e6);
    }
}
