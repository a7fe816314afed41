package dev.siteready.profiling;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.parser.PipeParser;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Throughput of the HL7 v2 profiler on one thread, next to HAPI's bare parse of the same messages with the same
 * parser setup. Not a JUnit test (no JMH here either): a manual harness with warm-up rounds, interleaved measured
 * rounds and the median of them. Run it with docs/bench/profiler.sh, or after {@code ./mvnw test-compile}:
 * <pre>
 *   java -cp target/classes:target/test-classes:$(cat target/bench-classpath.txt) \
 *       dev.siteready.profiling.ProfilerBenchmark [messages] [rounds] [warm-up rounds] [seed]
 * </pre>
 * (defaults 2000, 10, 5, 20261101). It generates the messages with a seeded {@link Random}, so every run profiles the
 * same text: ADT^A04/A01/A08 and ORU^R01 in v2.5.1, 1-3 KB each, with one to four patient identifiers in PID-3
 * (several assigning authority styles), PV1 providers (NPI or local IDs), 3-15 OBX per result message (LOINC and local
 * codes, either first), NTE, SPM, AL1, DG1, IN1, NK1 and Z segments. Then, single-threaded and interleaved, each
 * round times:
 * <ul>
 *   <li>bare parse: {@code Hl7Parsers.parser().parse(msg)} for each message string (as split: segments ended by \r);</li>
 *   <li>profile: {@code Profiler.profile(wholeText)}, all messages joined by \r\n (split, parse, read, aggregate);</li>
 *   <li>split only: {@code Hl7Messages.split(wholeText)}, to show where the profile's time goes beyond parsing.</li>
 * </ul>
 * A full GC runs before each timed phase (outside the timing), so no phase pays for the garbage of the other. The
 * figures are wall-clock; the thread's CPU time is measured too, to show when other work on the machine took the CPU.
 */
public final class ProfilerBenchmark {

    /** Results are folded in here so that the JIT cannot drop the work. */
    static volatile long sink;

    private ProfilerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 20261101L;
        if (count < 1 || rounds < 1 || warmup < 0) {
            System.err.println("usage: ProfilerBenchmark [messages>0] [rounds>0] [warm-up rounds>=0] [seed]");
            System.exit(2);
        }

        String logging = quietLogging();

        // ---- The messages
        Generator generator = new Generator(new Random(seed));
        List<String> messages = new ArrayList<>(count);
        Map<String, Integer> mix = new TreeMap<>();
        long bytes = 0;
        int minSize = Integer.MAX_VALUE;
        int maxSize = 0;
        int obx = 0;
        int oru = 0;
        for (int i = 0; i < count; i++) {
            Generated g = generator.next(i + 1);
            messages.add(g.text);
            mix.merge(g.type, 1, Integer::sum);
            int size = g.text.length(); // all ASCII: characters are bytes
            bytes += size;
            minSize = Math.min(minSize, size);
            maxSize = Math.max(maxSize, size);
            if (g.type.startsWith("ORU")) {
                oru++;
                obx += g.obx;
            }
        }
        String wholeText = String.join("\r\n", messages);

        System.out.printf(Locale.ROOT, "java %s (%s), %d available processors, max heap %d MB%n",
                System.getProperty("java.version"), System.getProperty("java.vm.name"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        System.out.println("logging: " + logging + "; HAPI trace logging "
                + (org.slf4j.LoggerFactory.getLogger(PipeParser.class).isTraceEnabled() ? "ON (parsing looks slower)" : "off"));
        System.out.printf(Locale.ROOT, "%d messages (seed %d), %.1f MB in all; size avg %d bytes, min %d, max %d; "
                        + "%d rejected draws outside 1-3 KB%n",
                count, seed, wholeText.length() / 1048576.0, bytes / count, minSize, maxSize, generator.rejected);
        StringBuilder m = new StringBuilder();
        int adt = 0;
        for (Map.Entry<String, Integer> e : mix.entrySet()) {
            m.append(m.length() == 0 ? "" : ", ").append(e.getKey()).append(' ').append(e.getValue());
            if (e.getKey().startsWith("ADT")) {
                adt += e.getValue();
            }
        }
        System.out.printf(Locale.ROOT, "mix: ADT %d (%.0f%%), ORU %d (%.0f%%): %s; ORU: %.1f OBX a message on average%n",
                adt, 100.0 * adt / count, oru, 100.0 * oru / count, m, oru == 0 ? 0.0 : (double) obx / oru);

        // ---- Check once that everything parses and profiles (the timing would mean little otherwise)
        List<Hl7Messages.Raw> raws = Hl7Messages.split(wholeText);
        int changed = 0;
        for (int i = 0; i < Math.min(count, raws.size()); i++) {
            if (!messages.get(i).equals(raws.get(i).text())) {
                changed++;
            }
        }
        if (raws.size() != count || changed > 0) {
            System.out.printf(Locale.ROOT, "WARNING: split found %d messages (%d generated), %d of them not as generated: "
                    + "bare parse and profile do not parse the same text%n", raws.size(), count, changed);
        }
        int bareFailures = 0;
        PipeParser parser = Hl7Parsers.parser();
        for (int i = 0; i < count; i++) {
            try {
                parser.parse(messages.get(i));
            } catch (HL7Exception | RuntimeException e) {
                if (bareFailures++ < 5) {
                    System.out.println("  bare parse failed, message " + (i + 1) + ": " + e);
                }
            }
        }
        Profiler.Result check = Profiler.profile(wholeText);
        ProfileData p = check.data();
        System.out.printf(Locale.ROOT, "check: bare parse failures %d; profile: %d messages, %d profiled, %d failed; "
                        + "%d types, %d patient ID type|authority, %d provider entries, %d coded fields, %d code systems%n",
                bareFailures, p.messages(), p.profiled(), p.failed(), p.types().size(), p.patientIds().size(),
                p.providers().size(), p.codes().size(), p.codes().stream().mapToInt(c -> c.systems().size()).sum());
        check.failures().stream().limit(5).forEach(f -> System.out.println("  profile failure: " + f));
        if (bareFailures > 0 || p.profiled() != count) {
            System.out.println("WARNING: not every message was read; the figures below are not comparable");
        }

        // ---- Timing: warm-up then measured rounds, the three phases interleaved and their order rotated each round
        Phase[] phases = {
                new Phase("bare parse", () -> bareParse(messages)),
                new Phase("profile", () -> profile(wholeText)),
                new Phase("split only", () -> split(wholeText)) };
        for (Phase phase : phases) {
            phase.nanos = new long[rounds];
            phase.cpuNanos = new long[rounds];
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        boolean cpuTime = threads.isCurrentThreadCpuTimeSupported();
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        System.out.printf(Locale.ROOT, "%d warm-up rounds, then %d measured rounds; one thread, a full GC before each phase%n",
                warmup, rounds);
        for (int r = 0; r < warmup + rounds; r++) {
            boolean measured = r >= warmup;
            StringBuilder line = new StringBuilder(measured ? String.format(Locale.ROOT, "round %2d:", r - warmup + 1)
                    : String.format(Locale.ROOT, "warm-up %d:", r + 1));
            for (int k = 0; k < phases.length; k++) {
                Phase phase = phases[(r + k) % phases.length];
                System.gc();
                long cpuStart = cpuTime ? threads.getCurrentThreadCpuTime() : 0;
                long start = System.nanoTime();
                sink += phase.work.run();
                long nanos = System.nanoTime() - start;
                long cpuNanos = cpuTime ? threads.getCurrentThreadCpuTime() - cpuStart : nanos;
                if (measured) {
                    phase.nanos[r - warmup] = nanos;
                    phase.cpuNanos[r - warmup] = cpuNanos;
                }
                line.append(String.format(Locale.ROOT, "  %s %,.0f msg/s", phase.name, count * 1e9 / nanos));
            }
            System.out.println(line);
        }

        // ---- Results
        System.out.println();
        System.out.printf(Locale.ROOT, "messages/s per core (one thread), %d messages of %d bytes on average, %d measured rounds:%n",
                count, bytes / count, rounds);
        for (Phase phase : phases) {
            System.out.printf(Locale.ROOT, "  %-11s median %,8.0f msg/s   min %,8.0f   max %,8.0f   (%.1f µs a message)%n",
                    phase.name, phase.medianRate(count), phase.minRate(count), phase.maxRate(count),
                    phase.median() / 1e3 / count);
        }
        Phase bare = phases[0];
        Phase profile = phases[1];
        Phase split = phases[2];
        double[] paired = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            paired[i] = (double) bare.nanos[i] / profile.nanos[i];
        }
        Arrays.sort(paired);
        double ratio = profile.medianRate(count) / bare.medianRate(count);
        System.out.printf(Locale.ROOT, "  profile / bare parse: %.2f (of the medians; per round %.2f-%.2f)%n",
                ratio, paired[0], paired[rounds - 1]);
        double rest = (profile.median() - bare.median() - split.median()) / 1e3 / count;
        System.out.printf(Locale.ROOT, "  profile time a message: parse %.1f µs + split %.1f µs + read and aggregate ~%.1f µs (the rest)%n",
                bare.median() / 1e3 / count, split.median() / 1e3 / count, rest);
        double profileRate = profile.medianRate(count);
        System.out.printf(Locale.ROOT, "  targets: profile >= 3,000 msg/s per core: %s (%,.0f); profile >= 0.7 x bare parse: %s (%.2f)%n",
                profileRate >= 3000 ? "met" : "NOT met", profileRate, ratio >= 0.7 ? "met" : "NOT met", ratio);
        // Other work on the machine takes the CPU from this thread: compare its CPU time with the wall-clock time
        long wall = 0;
        long cpu = 0;
        for (Phase phase : phases) {
            wall += Arrays.stream(phase.nanos).sum();
            cpu += Arrays.stream(phase.cpuNanos).sum();
        }
        double share = (double) cpu / wall;
        System.out.printf(Locale.ROOT, "  this thread ran %.0f%% of the measured wall-clock time (CPU time / wall time)%s; "
                        + "system load average %.2f before the rounds, %.2f after (%d processors)%n",
                100 * share, cpuTime ? "" : " [thread CPU time not supported here]", loadBefore,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Runtime.getRuntime().availableProcessors());
        if (cpuTime) {
            System.out.printf(Locale.ROOT, "  by thread CPU time instead: bare parse %,.0f msg/s, profile %,.0f msg/s, ratio %.2f%n",
                    count * 1e9 / median(bare.cpuNanos), count * 1e9 / median(profile.cpuNanos),
                    median(bare.cpuNanos) / median(profile.cpuNanos));
        }
        if (share < 0.97) { // GC pauses count as wall time too, but with a full GC before each phase they are short
            System.out.println("  WARNING: other work competed for the CPU during the measurement; the figures are low and noisy");
        }
        System.out.println("(checksum " + sink + ")");
    }

    /**
     * Sets the root log level to INFO, as in the app (quarkus.log.level). Outside a started Quarkus app, its bootstrap
     * log configuration (found on the test class path) leaves every level on and queues each record in memory, so
     * HAPI's trace calls (a few per segment) would be formatted and kept, and parsing would look slower than it is.
     */
    private static String quietLogging() {
        try {
            org.jboss.logmanager.LogContext.getLogContext().getLogger("").setLevel(java.util.logging.Level.INFO);
            return "root level set to INFO, as in the app";
        } catch (LinkageError | RuntimeException e) {
            return "jboss-logmanager not on the class path (or not usable), left as it is";
        }
    }

    /** The median of the values (the mean of the middle two for an even count). */
    static double median(long[] values) {
        long[] s = values.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2.0;
    }

    private static long bareParse(List<String> messages) throws HL7Exception {
        PipeParser parser = Hl7Parsers.parser();
        long sum = 0;
        for (String msg : messages) {
            Message message = parser.parse(msg);
            sum += message.getName().length();
        }
        return sum;
    }

    private static long profile(String wholeText) {
        Profiler.Result result = Profiler.profile(wholeText);
        return result.data().profiled() + 31L * result.failures().size() + result.data().codes().size();
    }

    private static long split(String wholeText) {
        long sum = 0;
        for (Hl7Messages.Raw raw : Hl7Messages.split(wholeText)) {
            sum += raw.text() == null ? 1 : raw.text().length();
        }
        return sum;
    }

    @FunctionalInterface
    private interface Work {
        long run() throws Exception;
    }

    private static final class Phase {
        final String name;
        final Work work;
        long[] nanos;
        long[] cpuNanos;

        Phase(String name, Work work) {
            this.name = name;
            this.work = work;
        }

        /** The median wall-clock time of the measured rounds. */
        double median() {
            return ProfilerBenchmark.median(nanos);
        }

        /** Messages a second in the median round. */
        double medianRate(int count) {
            return count * 1e9 / median();
        }

        /** Messages a second in the slowest round. */
        double minRate(int count) {
            return count * 1e9 / Arrays.stream(nanos).max().orElseThrow();
        }

        /** Messages a second in the fastest round. */
        double maxRate(int count) {
            return count * 1e9 / Arrays.stream(nanos).min().orElseThrow();
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // The message generator

    record Generated(String type, String text, int obx) {
    }

    /**
     * Realistic, varied HL7 v2.5.1 messages. Each draw picks a sending feed (application, facility, identifier and
     * code style), a patient and a visit; messages outside 1-3 KB are drawn again (and counted).
     */
    static final class Generator {

        static final int MIN_BYTES = 1024;
        static final int MAX_BYTES = 3072;

        final Random rnd;
        int rejected;

        Generator(Random rnd) {
            this.rnd = rnd;
        }

        Generated next(int n) {
            while (true) {
                Generated g = draw(n);
                if (g.text.length() >= MIN_BYTES && g.text.length() <= MAX_BYTES) {
                    return g;
                }
                rejected++;
            }
        }

        // ---- Vocabulary

        static final String[] FAMILY = { "Okafor", "Lindqvist", "Moreno", "Haddad", "Nakamura", "Brennan", "Kowalski",
                "Abernathy", "Delacroix", "Fitzgerald", "Ivanova", "Castellano", "Osei", "Whitfield", "Yamamoto", "Rasmussen",
                "Thibodeaux", "Pemberton", "Gallagher", "Oyelaran", "Van Der Berg", "O'Neill", "Nguyen", "Petrov", "Schultz" };
        static final String[] GIVEN_F = { "Amara", "Ingrid", "Lucia", "Noor", "Hana", "Siobhan", "Marta", "Evelyn",
                "Colette", "Maeve", "Daria", "Giulia", "Abena", "Harriet", "Yuki" };
        static final String[] GIVEN_M = { "Chidi", "Anders", "Mateo", "Karim", "Kenji", "Declan", "Piotr", "Walter",
                "Lucien", "Connor", "Dmitri", "Marco", "Kwame", "Ellis", "Takeshi" };
        static final String[] STREETS = { "Maple Ave", "Harbor Rd", "Cedar Ln", "Old Mill Rd", "Lakeview Dr", "Pine St",
                "Jefferson Blvd", "Quarry Rd", "Orchard Way", "Summit Ct" };
        static final String[][] CITIES = { { "Portland", "OR", "972" }, { "Salem", "OR", "973" }, { "Vancouver", "WA", "986" },
                { "Boise", "ID", "837" }, { "Eugene", "OR", "974" }, { "Spokane", "WA", "992" } };
        static final String[][] RACE = { { "2106-3", "White" }, { "2054-5", "Black or African American" },
                { "2028-9", "Asian" }, { "1002-5", "American Indian or Alaska Native" }, { "2131-1", "Other Race" } };
        static final String[][] ETHNIC = { { "2186-5", "Not Hispanic or Latino" }, { "2135-2", "Hispanic or Latino" } };
        static final String[][] LANGUAGE = { { "eng", "English" }, { "spa", "Spanish" }, { "vie", "Vietnamese" }, { "rus", "Russian" } };
        static final String[][] MARITAL = { { "M", "Married" }, { "S", "Single" }, { "D", "Divorced" }, { "W", "Widowed" } };

        /** A sending feed: application, facility, MRN authority as sent in CX.4, and how it codes results. */
        record Feed(String app, String facility, String mrnAuthority, String localSystem, int codeStyle, boolean performer,
                boolean structureInMsh9) {
        }

        static final Feed[] FEEDS = {
                new Feed("EPIC", "RIVERSIDE", "RIV", "99RIV", 0, true, true),
                new Feed("EPIC", "STMARYS", "&1.2.840.114350.1.13.861.1.7.5.737384.14&ISO", "99SMH", 0, false, true),
                new Feed("CERNER", "MERCYGEN", "MERCY&2.16.840.1.113883.3.4417&ISO", "L", 1, true, false),
                new Feed("MEDITECH", "VALLEYMED", "VMC", "99VMC", 2, false, false),
                new Feed("SUNQUEST", "NORTHSHORE", "NSH", "99NSL", 1, false, true),
                new Feed("BEAKER", "LAKESIDE", "LKS", "99LKS", 3, false, true) };

        static final String[] ADT_EVENTS = { "A04", "A04", "A04", "A04", "A01", "A01", "A01", "A08", "A08", "A08" };

        record Provider(String npi, String local, String family, String given, String degree) {
        }

        static final Provider[] PROVIDERS = new Provider[48];

        static {
            Random r = new Random(7);
            String[] degrees = { "MD", "DO", "NP", "PA", "MD" };
            for (int i = 0; i < PROVIDERS.length; i++) {
                String npi = "1" + (100000000 + r.nextInt(900000000));
                String given = (i % 2 == 0 ? GIVEN_F : GIVEN_M)[r.nextInt(GIVEN_F.length)];
                PROVIDERS[i] = new Provider(npi, String.valueOf(2000 + r.nextInt(8000)), FAMILY[r.nextInt(FAMILY.length)],
                        given, degrees[r.nextInt(degrees.length)]);
            }
        }

        /** A result test: LOINC code and name, local code, value type, units, reference range, value range. */
        record Analyte(String loinc, String name, String local, String type, String units, String range, double low, double high) {
        }

        record Panel(String loinc, String name, String local, String specimen, Analyte[] tests) {
        }

        static Analyte nm(String loinc, String name, String local, String units, String range, double low, double high) {
            return new Analyte(loinc, name, local, "NM", units, range, low, high);
        }

        static final Panel[] PANELS = {
                new Panel("24323-8", "Comprehensive metabolic panel", "CMP", "119364003^Serum specimen^SCT", new Analyte[] {
                        nm("2345-7", "Glucose [Mass/volume] in Serum or Plasma", "GLU", "mg/dL", "70-99", 55, 260),
                        nm("3094-0", "Urea nitrogen [Mass/volume] in Serum or Plasma", "BUN", "mg/dL", "7-20", 4, 60),
                        nm("2160-0", "Creatinine [Mass/volume] in Serum or Plasma", "CREAT", "mg/dL", "0.6-1.3", 0.4, 4.5),
                        nm("2951-2", "Sodium [Moles/volume] in Serum or Plasma", "NA", "mmol/L", "136-145", 125, 152),
                        nm("2823-3", "Potassium [Moles/volume] in Serum or Plasma", "K", "mmol/L", "3.5-5.1", 2.9, 6.2),
                        nm("2075-0", "Chloride [Moles/volume] in Serum or Plasma", "CL", "mmol/L", "98-107", 90, 115),
                        nm("2028-9", "Carbon dioxide, total [Moles/volume] in Serum or Plasma", "CO2", "mmol/L", "22-29", 15, 35),
                        nm("17861-6", "Calcium [Mass/volume] in Serum or Plasma", "CA", "mg/dL", "8.5-10.2", 7.5, 11.5),
                        nm("2885-2", "Protein [Mass/volume] in Serum or Plasma", "TP", "g/dL", "6.0-8.3", 5, 9),
                        nm("1751-7", "Albumin [Mass/volume] in Serum or Plasma", "ALB", "g/dL", "3.5-5.0", 2.5, 5.5),
                        nm("1975-2", "Bilirubin.total [Mass/volume] in Serum or Plasma", "TBIL", "mg/dL", "0.1-1.2", 0.1, 4),
                        nm("6768-6", "Alkaline phosphatase [Enzymatic activity/volume] in Serum or Plasma", "ALP", "U/L", "44-147", 30, 400),
                        nm("1920-8", "Aspartate aminotransferase [Enzymatic activity/volume] in Serum or Plasma", "AST", "U/L", "10-40", 8, 300),
                        nm("1742-6", "Alanine aminotransferase [Enzymatic activity/volume] in Serum or Plasma", "ALT", "U/L", "7-56", 5, 300) }),
                new Panel("58410-2", "CBC panel - Blood by Automated count", "CBC", "119297000^Blood specimen^SCT", new Analyte[] {
                        nm("6690-2", "Leukocytes [#/volume] in Blood by Automated count", "WBC", "10*3/uL", "4.5-11.0", 2, 25),
                        nm("789-8", "Erythrocytes [#/volume] in Blood by Automated count", "RBC", "10*6/uL", "4.2-5.9", 3, 6.5),
                        nm("718-7", "Hemoglobin [Mass/volume] in Blood", "HGB", "g/dL", "12.0-17.5", 7, 19),
                        nm("4544-3", "Hematocrit [Volume Fraction] of Blood by Automated count", "HCT", "%", "36-50", 22, 56),
                        nm("787-2", "MCV [Entitic volume] by Automated count", "MCV", "fL", "80-100", 70, 110),
                        nm("785-6", "MCH [Entitic mass] by Automated count", "MCH", "pg", "27-33", 22, 36),
                        nm("786-4", "MCHC [Mass/volume] by Automated count", "MCHC", "g/dL", "32-36", 29, 38),
                        nm("788-0", "Erythrocyte distribution width [Ratio] by Automated count", "RDW", "%", "11.5-14.5", 10, 20),
                        nm("777-3", "Platelets [#/volume] in Blood by Automated count", "PLT", "10*3/uL", "150-400", 40, 700),
                        nm("32623-1", "Platelet mean volume [Entitic volume] in Blood by Automated count", "MPV", "fL", "7.5-11.5", 6, 13) }),
                new Panel("57698-3", "Lipid panel with direct LDL - Serum or Plasma", "LIPID", "119364003^Serum specimen^SCT", new Analyte[] {
                        nm("2093-3", "Cholesterol [Mass/volume] in Serum or Plasma", "CHOL", "mg/dL", "<200", 110, 320),
                        nm("2571-8", "Triglyceride [Mass/volume] in Serum or Plasma", "TRIG", "mg/dL", "<150", 40, 600),
                        nm("2085-9", "Cholesterol in HDL [Mass/volume] in Serum or Plasma", "HDL", "mg/dL", ">40", 20, 95),
                        nm("18262-6", "Cholesterol in LDL [Mass/volume] in Serum or Plasma by Direct assay", "LDLD", "mg/dL", "<100", 40, 220),
                        nm("9830-1", "Cholesterol.total/Cholesterol in HDL [Mass Ratio] in Serum or Plasma", "CHHD", "{ratio}", "<5.0", 2, 9) }),
                new Panel("24356-8", "Urinalysis complete panel - Urine", "UA", "122575003^Urine specimen^SCT", new Analyte[] {
                        new Analyte("5778-6", "Color of Urine", "UCOL", "CWE", "", "", 0, 0),
                        new Analyte("32167-9", "Clarity of Urine", "UCLAR", "CWE", "", "", 0, 0),
                        nm("5811-5", "Specific gravity of Urine by Test strip", "USG", "", "1.005-1.030", 1.001, 1.04),
                        nm("5803-2", "pH of Urine by Test strip", "UPH", "[pH]", "5.0-8.0", 4.5, 9),
                        new Analyte("20454-5", "Protein [Presence] in Urine by Test strip", "UPRO", "CWE", "", "Negative", 0, 0),
                        new Analyte("25428-4", "Glucose [Presence] in Urine by Test strip", "UGLU", "CWE", "", "Negative", 0, 0),
                        new Analyte("5797-6", "Ketones [Presence] in Urine by Test strip", "UKET", "CWE", "", "Negative", 0, 0),
                        new Analyte("5802-4", "Nitrite [Presence] in Urine by Test strip", "UNIT", "CWE", "", "Negative", 0, 0),
                        new Analyte("5799-2", "Leukocyte esterase [Presence] in Urine by Test strip", "ULEU", "CWE", "", "Negative", 0, 0),
                        new Analyte("13945-1", "Erythrocytes [#/area] in Urine sediment by Microscopy high power field", "URBC", "SN", "/[HPF]", "0-2", 0, 20) }),
                new Panel("630-4", "Bacteria identified in Urine by Culture", "UCX", "122575003^Urine specimen^SCT", new Analyte[] {
                        new Analyte("630-4", "Bacteria identified in Urine by Culture", "UCXORG", "CWE", "", "", 0, 0),
                        new Analyte("19090-0", "Colony count [#/volume] in Urine by Culture", "UCXCC", "ST", "", "", 0, 0),
                        new Analyte("18864-9", "Ampicillin [Susceptibility]", "AMP", "CWE", "", "", 0, 0),
                        new Analyte("18906-8", "Ciprofloxacin [Susceptibility]", "CIP", "CWE", "", "", 0, 0),
                        new Analyte("18955-5", "Nitrofurantoin [Susceptibility]", "NIT", "CWE", "", "", 0, 0),
                        new Analyte("18998-5", "Trimethoprim+Sulfamethoxazole [Susceptibility]", "SXT", "CWE", "", "", 0, 0),
                        new Analyte("8251-1", "Service comment", "UCXCMT", "TX", "", "", 0, 0) }),
                new Panel(null, "Thyroid and diabetes follow-up (local order)", "THYDM", "119364003^Serum specimen^SCT", new Analyte[] {
                        nm("3016-3", "Thyrotropin [Units/volume] in Serum or Plasma", "TSH", "m[IU]/L", "0.4-4.0", 0.05, 12),
                        nm("3024-7", "Thyroxine (T4) free [Mass/volume] in Serum or Plasma", "FT4", "ng/dL", "0.8-1.8", 0.4, 3),
                        nm("4548-4", "Hemoglobin A1c/Hemoglobin.total in Blood", "A1C", "%", "4.0-5.6", 4.2, 12),
                        nm("2132-9", "Cobalamin (Vitamin B12) [Mass/volume] in Serum or Plasma", "B12", "pg/mL", "200-900", 120, 1400) }) };

        static final String[][] CODED_VALUES = {
                { "260385009", "Negative" }, { "10828004", "Positive" }, { "167238004", "Trace" },
                { "371244009", "Yellow" }, { "371251000", "Amber" }, { "6747002", "Clear" }, { "263707001", "Cloudy" } };
        static final String[][] ORGANISMS = { { "112283007", "Escherichia coli" }, { "56415008", "Klebsiella pneumoniae" },
                { "3092008", "Staphylococcus aureus" }, { "78065002", "Enterococcus faecalis" } };
        static final String[][] SUSCEPTIBILITY = { { "S", "Susceptible" }, { "I", "Intermediate" }, { "R", "Resistant" } };
        static final String[][] DIAGNOSES = { { "E11.9", "Type 2 diabetes mellitus without complications" },
                { "I10", "Essential (primary) hypertension" }, { "J18.9", "Pneumonia, unspecified organism" },
                { "N39.0", "Urinary tract infection, site not specified" }, { "R07.9", "Chest pain, unspecified" },
                { "K35.80", "Unspecified acute appendicitis" }, { "S72.001A", "Fracture of unspecified part of neck of right femur" },
                { "Z00.00", "Encounter for general adult medical examination" } };
        static final String[][] ALLERGENS = { { "7980", "Penicillin G", "RXNORM" }, { "2670", "Codeine", "RXNORM" },
                { "10831", "Sulfamethoxazole / Trimethoprim", "RXNORM" }, { "256349002", "Peanut", "SCT" },
                { "ALG-LATEX", "Latex", "99ALG" }, { "1191", "Aspirin", "RXNORM" } };
        static final String[][] PAYERS = { { "AETNA01", "Aetna Choice POS II" }, { "BCBSOR", "Regence BlueCross BlueShield" },
                { "MCARE", "Medicare Part A" }, { "MCAID-OR", "Oregon Health Plan" }, { "UHC22", "UnitedHealthcare Select" } };
        static final String[] COMMENTS = { "Specimen slightly hemolyzed; potassium may be falsely elevated.",
                "Results verified by repeat analysis.", "Called to and read back by RN on 4 West at 0914.",
                "Reference range updated 2026-07-01; see lab handbook.", "Fasting status unknown.",
                "Performed at Riverside Core Laboratory, 1200 Harbor Rd, Portland OR.",
                "Critical value \\T\\ delta check reviewed by pathologist." };

        // ---- Helpers

        int between(int lo, int hi) {
            return lo + rnd.nextInt(hi - lo + 1);
        }

        boolean chance(double p) {
            return rnd.nextDouble() < p;
        }

        <T> T pick(T[] values) {
            return values[rnd.nextInt(values.length)];
        }

        String digits(int n) {
            StringBuilder s = new StringBuilder(n);
            s.append((char) ('1' + rnd.nextInt(9)));
            for (int i = 1; i < n; i++) {
                s.append((char) ('0' + rnd.nextInt(10)));
            }
            return s.toString();
        }

        /** A timestamp in November 2026, to the second, with or without a zone offset. */
        String ts(int day, boolean zone) {
            return String.format(Locale.ROOT, "202611%02d%02d%02d%02d%s", day, between(0, 23), between(0, 59), between(0, 59),
                    zone ? "-0800" : "");
        }

        /** One segment's fields by number; trailing empty fields are left off, as senders do. */
        static final class Seg {
            final String[] f;

            Seg(String name, int fields) {
                f = new String[fields + 1];
                f[0] = name;
            }

            Seg set(int field, String value) {
                f[field] = value;
                return this;
            }

            @Override
            public String toString() {
                int last = f.length - 1;
                while (last > 0 && (f[last] == null || f[last].isEmpty())) {
                    last--;
                }
                StringBuilder s = new StringBuilder(128);
                for (int i = 0; i <= last; i++) {
                    if (i > 0) {
                        s.append('|');
                    }
                    if (f[i] != null) {
                        s.append(f[i]);
                    }
                }
                return s.toString();
            }
        }

        String xcn(Provider p, Feed feed) {
            return switch (rnd.nextInt(4)) {
                case 0, 1 -> p.npi + "^" + p.family + "^" + p.given + "^" + (char) ('A' + rnd.nextInt(26)) + "^^^" + p.degree
                        + "^^NPI&2.16.840.1.113883.4.6&ISO^L^^^NPI";
                case 2 -> p.local + "^" + p.family + "^" + p.given + "^^^^" + p.degree + "^^" + feed.facility + "^^^^DN";
                default -> p.local + "^" + p.family + "^" + p.given;
            };
        }

        // ---- Messages

        Generated draw(int n) {
            Feed feed = pick(FEEDS);
            int day = between(1, 30);
            boolean oru = rnd.nextInt(100) < 55;
            String event = oru ? "R01" : pick(ADT_EVENTS);
            String type = oru ? "ORU^R01" : "ADT^" + event;
            String structure = oru ? "ORU_R01" : "ADT_A01";
            String now = ts(day, true);
            List<String> segs = new ArrayList<>(32);
            segs.add("MSH|^~\\&|" + feed.app + "|" + feed.facility + "|SITEREADY|VENDOR|" + now + "||" + type
                    + (feed.structureInMsh9 ? "^" + structure : "") + "|" + (oru ? "LAB" : "ADT") + feed.facility.charAt(0)
                    + digits(9) + "|P|2.5.1|||AL|NE|USA||en");
            if (!oru) {
                segs.add("EVN|" + event + "|" + now + "|||" + pick(PROVIDERS).local + "^REGISTRAR^"
                        + pick(GIVEN_F) + "^^^^^^" + feed.facility + "|" + now);
            }
            boolean female = rnd.nextBoolean();
            String family = pick(FAMILY);
            String given = pick(female ? GIVEN_F : GIVEN_M);
            segs.add(pid(feed, family, given, female, !oru));
            if (!oru && chance(0.4)) {
                Provider pcp = pick(PROVIDERS);
                segs.add("PD1|||" + feed.facility + " Primary Care^^" + digits(5) + "|" + xcn(pcp, feed));
            }
            if (!oru) {
                for (int i = 1, k = between(0, 2); i <= k; i++) {
                    String[] city = pick(CITIES);
                    segs.add("NK1|" + i + "|" + (i == 1 ? family : pick(FAMILY)) + "^" + pick(rnd.nextBoolean() ? GIVEN_F : GIVEN_M)
                            + "|" + (i == 1 ? "SPO^Spouse" : "CHD^Child") + "^HL70063|" + between(100, 9999) + " " + pick(STREETS)
                            + "^^" + city[0] + "^" + city[1] + "^" + city[2] + digits(2) + "^USA|^PRN^PH^^1^" + digits(3) + "^"
                            + digits(7) + "||EC^Emergency Contact^HL70131");
                }
            }
            segs.add(pv1(feed, event, day, oru));
            if (!oru && chance(0.5)) {
                String[] dx = pick(DIAGNOSES);
                segs.add("PV2|||" + dx[0] + "^" + dx[1] + "^I10||||||" + ts(day, false).substring(0, 8) + "|" + between(1, 6));
            }
            int obx = 0;
            if (oru) {
                obx = results(feed, segs, day);
            } else {
                for (int i = 1, k = between(0, 3); i <= k; i++) {
                    segs.add(switch (i) {
                        case 1 -> "OBX|1|NM|8302-2^Body height^LN||" + between(150, 195) + "|cm^centimeter^UCUM|||||F|||" + now;
                        case 2 -> "OBX|2|NM|29463-7^Body weight^LN||" + between(45, 130) + "|kg^kilogram^UCUM|||||F|||" + now;
                        default -> "OBX|3|CWE|72166-2^Tobacco smoking status^LN||" + (rnd.nextBoolean()
                                ? "8517006^Former smoker^SCT" : "266919005^Never smoker^SCT") + "||||||F|||" + now;
                    });
                }
                for (int i = 1, k = between(0, 3); i <= k; i++) {
                    String[] a = pick(ALLERGENS);
                    segs.add("AL1|" + i + "|DA^Drug allergy^HL70127|" + a[0] + "^" + a[1] + "^" + a[2] + "|"
                            + (rnd.nextBoolean() ? "MO^Moderate^HL70128" : "SV^Severe^HL70128") + "|Hives");
                }
                for (int i = 1, k = between(0, 3); i <= k; i++) {
                    String[] dx = pick(DIAGNOSES);
                    segs.add("DG1|" + i + "||" + dx[0] + "^" + dx[1] + "^" + (rnd.nextBoolean() ? "I10" : "I10C") + "||"
                            + ts(day, false) + "|" + (i == 1 ? "A" : "W"));
                }
                if (chance(0.5)) {
                    String[] city = pick(CITIES);
                    segs.add("GT1|1||" + family + "^" + given + "||" + between(100, 9999) + " " + pick(STREETS) + "^^" + city[0]
                            + "^" + city[1] + "^" + city[2] + digits(2) + "|^PRN^PH^^1^" + digits(3) + "^" + digits(7)
                            + "||||SE^Self^HL70063");
                }
                for (int i = 1, k = between(0, 2); i <= k; i++) {
                    String[] payer = pick(PAYERS);
                    segs.add("IN1|" + i + "|" + payer[0] + "^" + payer[1] + "^L|" + digits(5) + "^^^" + feed.facility
                            + "^NIIP|" + payer[1] + "|PO Box " + between(1000, 99999) + "^^Salt Lake City^UT^84130||^WPN^PH^^1^800^"
                            + digits(7) + "|GRP" + digits(6) + "||||" + "20260101|20261231|||" + family + "^" + given
                            + "|SEL^Self^HL70063|" + ts(day, false).substring(0, 8) + "||||||||||||||||" + "XZ" + digits(9));
                }
            }
            for (int i = 0, k = between(0, 2); i < k; i++) {
                segs.add(switch (rnd.nextInt(3)) {
                    case 0 -> "ZPI|" + feed.facility + "|" + (rnd.nextBoolean() ? "Y" : "N") + "|MyChart^" + digits(6);
                    case 1 -> "ZVI|" + digits(8) + "|" + pick(new String[] { "SELF PAY", "COMMERCIAL", "MEDICARE" }) + "|"
                            + ts(day, false);
                    default -> "ZEF|1|" + feed.app + "^" + digits(4) + "|interface v" + between(1, 9) + "." + between(0, 20);
                });
            }
            return new Generated(type, String.join("\r", segs), obx);
        }

        String pid(Feed feed, String family, String given, boolean female, boolean full) {
            Seg pid = new Seg("PID", 30);
            pid.set(1, "1");
            List<String> ids = new ArrayList<>(4);
            String mrn = (feed.app.equals("EPIC") ? "E" : feed.app.equals("CERNER") ? "" : "M") + digits(between(7, 9));
            ids.add(chance(0.15) ? mrn + "^" + rnd.nextInt(10) + "^M10^" + feed.mrnAuthority + "^MR"
                    : mrn + "^^^" + feed.mrnAuthority + "^MR");
            int more = rnd.nextInt(10) < 3 ? 0 : rnd.nextInt(10) < 6 ? 1 : rnd.nextInt(10) < 7 ? 2 : 3;
            List<String> extra = new ArrayList<>(List.of(
                    digits(10) + "^^^EMPI^PE",
                    digits(3) + "-" + digits(2) + "-" + digits(4) + "^^^SSA^SS",
                    "X" + digits(8) + "^^^" + (rnd.nextBoolean() ? "OR" : "WA") + "^DL",
                    digits(9) + "^^^&2.16.840.1.113883.3.88.9&ISO^PT",
                    "MC" + digits(8) + "^^^OHP^MA"));
            for (int i = 0; i < more; i++) {
                ids.add(extra.remove(rnd.nextInt(extra.size())));
            }
            pid.set(3, String.join("~", ids));
            pid.set(5, family + "^" + given + "^" + (char) ('A' + rnd.nextInt(26)) + "^^^^L");
            pid.set(7, "19" + between(30, 99) + String.format(Locale.ROOT, "%02d%02d", between(1, 12), between(1, 28)));
            pid.set(8, female ? "F" : "M");
            String[] city = pick(CITIES);
            pid.set(11, between(100, 9999) + " " + pick(STREETS) + "^" + (chance(0.3) ? "Apt " + between(1, 40) : "") + "^"
                    + city[0] + "^" + city[1] + "^" + city[2] + digits(2) + "^USA^H");
            pid.set(13, "^PRN^PH^^1^" + digits(3) + "^" + digits(7) + (chance(0.4) ? "~^NET^Internet^"
                    + given.toLowerCase(Locale.ROOT) + "." + digits(3) + "@example.org" : ""));
            if (full) {
                String[] race = pick(RACE);
                String[] ethnic = pick(ETHNIC);
                String[] language = pick(LANGUAGE);
                String[] marital = pick(MARITAL);
                pid.set(10, race[0] + "^" + race[1] + "^CDCREC");
                pid.set(12, city[1] + "0" + digits(2));
                pid.set(14, chance(0.3) ? "^WPN^PH^^1^" + digits(3) + "^" + digits(7) : "");
                pid.set(15, language[0] + "^" + language[1] + "^ISO6392");
                pid.set(16, marital[0] + "^" + marital[1] + "^HL70002");
                pid.set(22, ethnic[0] + "^" + ethnic[1] + "^CDCREC");
            }
            if (chance(full ? 0.85 : 0.5)) {
                pid.set(18, digits(10) + "^^^" + feed.facility + "^AN");
            }
            if (full && chance(0.5)) {
                pid.set(19, digits(3) + "-" + digits(2) + "-" + digits(4));
            }
            return pid.toString();
        }

        String pv1(Feed feed, String event, int day, boolean oru) {
            Seg pv1 = new Seg("PV1", 51);
            pv1.set(1, "1");
            String patientClass = oru ? pick(new String[] { "O", "O", "I", "E" }) : event.equals("A04") ? "O" : "I";
            pv1.set(2, patientClass);
            pv1.set(3, patientClass.equals("I") ? pick(new String[] { "4W", "5E", "ICU", "MED" }) + "^" + between(401, 460)
                    + "^" + (char) ('A' + rnd.nextInt(2)) + "^" + feed.facility + "^^^^^" + feed.facility + " Main"
                    : "CLINIC^" + between(100, 130) + "^^" + feed.facility);
            if (!oru) {
                pv1.set(4, patientClass.equals("I") ? "EL^Elective^HL70007" : "R^Routine^HL70007");
            }
            if (chance(oru ? 0.7 : 0.95)) {
                pv1.set(7, xcn(pick(PROVIDERS), feed));
            }
            if (chance(oru ? 0.2 : 0.5)) {
                pv1.set(8, xcn(pick(PROVIDERS), feed));
            }
            if (!oru) {
                List<String> consulting = new ArrayList<>();
                for (int i = 0, k = rnd.nextInt(10) < 6 ? 0 : between(1, 2); i < k; i++) {
                    consulting.add(xcn(pick(PROVIDERS), feed));
                }
                pv1.set(9, String.join("~", consulting));
                pv1.set(10, pick(new String[] { "MED", "SUR", "CAR", "ORT", "OBS" }));
                pv1.set(14, pick(new String[] { "1", "2", "7" }));
                if (patientClass.equals("I") && chance(0.8)) {
                    pv1.set(17, xcn(pick(PROVIDERS), feed));
                }
                pv1.set(18, patientClass.equals("I") ? "IP" : "OP");
                pv1.set(20, pick(new String[] { "COM", "MCR", "MCD", "SP" }) + "^" + "20261101");
                pv1.set(39, feed.facility);
                pv1.set(41, event.equals("A08") ? "ACTIVE" : "");
            }
            if (chance(oru ? 0.6 : 0.9)) {
                pv1.set(19, (feed.app.equals("CERNER") ? "FIN" : "V") + digits(9) + "^^^" + feed.facility + "^VN");
            }
            pv1.set(44, ts(day, false));
            return pv1.toString();
        }

        /** ORC/OBR groups with 3-15 OBX in all, NTEs, sometimes an SPM; returns the number of OBX. */
        int results(Feed feed, List<String> segs, int day) {
            int target = between(3, 15);
            int obx = 0;
            List<Panel> panels = new ArrayList<>(List.of(PANELS));
            Provider ordering = pick(PROVIDERS);
            for (int order = 1; obx < target && !panels.isEmpty(); order++) {
                Panel panel = panel(panels, target - obx);
                int tests = Math.min(panel.tests.length, target - obx);
                String placer = "ORD" + digits(8);
                String filler = feed.facility.substring(0, 3) + digits(9);
                String collected = ts(day, false);
                String resulted = ts(Math.min(day + 1, 30), false);
                segs.add("ORC|RE|" + placer + "^EPIC|" + filler + "^" + feed.app + "||CM||||" + collected + "|||"
                        + xcn(ordering, feed) + "|||||" + feed.facility + "^" + feed.facility + " Main");
                Seg obr = new Seg("OBR", 27);
                obr.set(1, String.valueOf(order));
                obr.set(2, placer + "^EPIC");
                obr.set(3, filler + "^" + feed.app);
                obr.set(4, coded(feed, panel.loinc, panel.name, panel.local));
                obr.set(7, collected);
                obr.set(14, collected);
                obr.set(16, xcn(ordering, feed));
                obr.set(22, resulted);
                obr.set(24, panel.local.startsWith("U") ? "MB" : "CH");
                obr.set(25, "F");
                segs.add(obr.toString());
                if (chance(0.2)) {
                    segs.add("NTE|1|L|" + pick(COMMENTS));
                }
                int start = panel.tests.length == tests ? 0 : rnd.nextInt(panel.tests.length - tests + 1);
                for (int t = 0; t < tests; t++) {
                    obx++;
                    segs.add(obx(feed, panel.tests[start + t], t + 1, resulted));
                    if (chance(0.1)) {
                        segs.add("NTE|1|L|" + pick(COMMENTS));
                    }
                }
                if (chance(0.3)) {
                    segs.add(new Seg("SPM", 18).set(1, "1").set(2, filler + "&" + feed.app).set(4, panel.specimen)
                            .set(17, collected).set(18, collected).toString());
                }
            }
            return obx;
        }

        /** One of the panels not ordered yet: any big enough for the OBX still wanted, else the biggest. */
        Panel panel(List<Panel> panels, int wanted) {
            List<Panel> fit = panels.stream().filter(p -> p.tests.length >= wanted).toList();
            Panel panel = fit.isEmpty() ? panels.stream().max((a, b) -> a.tests.length - b.tests.length).orElseThrow()
                    : fit.get(rnd.nextInt(fit.size()));
            panels.remove(panel);
            return panel;
        }

        /**
         * A CE/CWE in the feed's style: LOINC then local (0), local then LOINC (1), local only (2), LOINC only (3);
         * local only when the test has no LOINC code. LOINC with its long name (its short one
         * when the local code comes first), the local code with a short one.
         */
        String coded(Feed feed, String loinc, String name, String local) {
            int bracket = name.indexOf(" [");
            String shortName = bracket > 0 ? name.substring(0, bracket) : name;
            String lc = local + "^" + shortName + "^" + feed.localSystem;
            if (loinc == null) {
                return lc;
            }
            String ln = loinc + "^" + (feed.codeStyle == 1 ? shortName : name) + "^LN";
            return switch (feed.codeStyle) {
                case 0 -> ln + "^" + lc;
                case 1 -> lc + "^" + ln;
                case 2 -> lc;
                default -> ln;
            };
        }

        /** The abnormal flag (OBX-8) of a value against a range "lo-hi", "<hi" or ">lo". */
        static String flag(String range, double v) {
            if (range.startsWith("<")) {
                return v < Double.parseDouble(range.substring(1)) ? "N" : "H";
            }
            if (range.startsWith(">")) {
                return v > Double.parseDouble(range.substring(1)) ? "N" : "L";
            }
            int dash = range.indexOf('-');
            return v < Double.parseDouble(range.substring(0, dash)) ? "L"
                    : v > Double.parseDouble(range.substring(dash + 1)) ? "H" : "N";
        }

        String obx(Feed feed, Analyte test, int setId, String resulted) {
            Seg obx = new Seg("OBX", 25);
            obx.set(1, String.valueOf(setId));
            obx.set(3, coded(feed, test.loinc, test.name, test.local));
            String flag = "N";
            switch (test.type) {
                case "NM" -> {
                    double v = test.low + rnd.nextDouble() * (test.high - test.low);
                    String value = test.high < 2 ? String.format(Locale.ROOT, "%.3f", v)
                            : test.high < 20 ? String.format(Locale.ROOT, "%.1f", v) : String.valueOf(Math.round(v));
                    obx.set(2, "NM").set(5, value).set(6, test.units.isEmpty() ? "" : test.units + "^" + test.units + "^UCUM")
                            .set(7, test.range);
                    flag = flag(test.range, Double.parseDouble(value));
                }
                case "SN" -> obx.set(2, "SN").set(5, rnd.nextBoolean() ? "<^2" : "^" + between(3, 20))
                        .set(6, test.units + "^per high power field^UCUM").set(7, test.range);
                case "ST" -> obx.set(2, "ST").set(5, pick(new String[] { ">100,000 CFU/mL", "50,000-100,000 CFU/mL",
                        "<10,000 CFU/mL" }));
                case "TX" -> obx.set(2, "TX").set(5, pick(COMMENTS));
                default -> {
                    String[] v = switch (test.local) {
                        case "UCXORG" -> pick(ORGANISMS);
                        case "AMP", "CIP", "NIT", "SXT" -> pick(SUSCEPTIBILITY);
                        case "UCOL" -> CODED_VALUES[3 + rnd.nextInt(2)];
                        case "UCLAR" -> CODED_VALUES[5 + rnd.nextInt(2)];
                        default -> CODED_VALUES[rnd.nextInt(10) < 8 ? 0 : 1 + rnd.nextInt(2)];
                    };
                    String system = v[0].length() == 1 ? "HL70078" : "SCT";
                    obx.set(2, rnd.nextBoolean() ? "CWE" : "CE").set(5, v[0] + "^" + v[1] + "^" + system);
                    obx.set(7, test.range);
                    flag = v[0].equals("R") || v[0].equals("10828004") ? "A" : "N";
                }
            }
            obx.set(8, flag);
            obx.set(11, "F");
            obx.set(14, resulted);
            if (feed.performer) {
                obx.set(23, feed.facility + " Lab^L^^^^CLIA&2.16.840.1.113883.4.7&ISO^XX^^^05D"
                        + (1000000 + Math.floorMod(feed.facility.hashCode(), 9000000)));
            }
            return obx.toString();
        }
    }
}
