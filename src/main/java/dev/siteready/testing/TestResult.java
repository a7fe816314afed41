package dev.siteready.testing;

/** The result of a checklist item or a run's step. */
public enum TestResult {
    NOT_RUN("Not run"),
    PASSED("Passed"),
    FAILED("Failed");

    public final String label;

    TestResult(String label) {
        this.label = label;
    }

    public String cssClass() {
        return "result-" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public static TestResult parse(String value) {
        for (TestResult r : values()) {
            if (r.name().equalsIgnoreCase(value == null ? "" : value.trim())) {
                return r;
            }
        }
        return null;
    }
}
