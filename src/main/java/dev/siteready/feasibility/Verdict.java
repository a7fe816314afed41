package dev.siteready.feasibility;

import java.util.Collection;
import java.util.Locale;

/**
 * The overall answer for a site. Precedence, most severe first: anything not possible blocks; otherwise
 * high-severity work puts the site at risk; otherwise an unknown that a decision depends on (medium or
 * high severity) leaves it incomplete; otherwise any work or warning makes it feasible with work; only
 * a site whose findings are all met (or low-severity open questions) is ready.
 */
public enum Verdict {
    BLOCKED("Blocked", "Something in scope cannot be done as the site works today."),
    AT_RISK("At risk", "Feasible only with large or high-severity work."),
    INCOMPLETE("Incomplete", "Answers the decision depends on are still missing."),
    FEASIBLE_WITH_WORK("Feasible with work", "Feasible once the listed work is done."),
    READY("Ready", "Everything in scope is met.");

    public final String label;
    public final String meaning;

    Verdict(String label, String meaning) {
        this.label = label;
        this.meaning = meaning;
    }

    public String cssClass() {
        return "verdict-" + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String barClass() {
        return "bar-" + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Verdict of(Collection<Finding> findings) {
        if (findings.stream().anyMatch(f -> f.status() == Finding.Status.BLOCKED)) {
            return BLOCKED;
        }
        if (findings.stream().anyMatch(f -> (f.status() == Finding.Status.WORK || f.status() == Finding.Status.WARNING)
                && f.severity() == Finding.Severity.HIGH)) {
            return AT_RISK;
        }
        if (findings.stream().anyMatch(f -> f.status() == Finding.Status.UNKNOWN && f.severity().compareTo(Finding.Severity.MEDIUM) >= 0)) {
            return INCOMPLETE;
        }
        if (findings.stream().anyMatch(f -> f.status() == Finding.Status.WORK || f.status() == Finding.Status.WARNING)) {
            return FEASIBLE_WITH_WORK;
        }
        return READY;
    }

    public static Verdict parse(String value) {
        for (Verdict v : values()) {
            if (v.name().equalsIgnoreCase(value == null ? "" : value.trim())) {
                return v;
            }
        }
        return null;
    }
}
