package dev.siteready.testing;

import dev.siteready.testing.TestPhase.Kind;
import dev.siteready.testing.TestPhase.Status;

import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;

/**
 * Where a project stands on its way to go-live: its first phase (Functional to Go-live) that is neither passed nor
 * skipped, or live once every phase is done. For a site, the least advanced of its projects. The one definition,
 * for the site page, the portfolio and the home page.
 *
 * @param kind the current phase, null when every phase is done
 * @param status its status, null when every phase is done
 */
public record CurrentPhase(Kind kind, Status status) {

    public static final CurrentPhase LIVE = new CurrentPhase(null, null);

    /** The current phase of a project with these phase statuses (a phase not listed has not started). */
    public static CurrentPhase of(Map<Kind, Status> statuses) {
        for (Kind kind : Kind.values()) {
            Status status = statuses.getOrDefault(kind, Status.NOT_STARTED);
            if (!status.done()) {
                return new CurrentPhase(kind, status);
            }
        }
        return LIVE;
    }

    /** The least advanced of several projects' current phases (a site's); null when there are none. */
    public static CurrentPhase leastAdvanced(Collection<CurrentPhase> phases) {
        return phases.stream().filter(Objects::nonNull)
                .min(Comparator.comparingInt(p -> p.kind == null ? Kind.values().length : p.kind.ordinal())).orElse(null);
    }

    public boolean live() {
        return kind == null;
    }

    /** "Integrated testing · in progress", or "Live". */
    public String label() {
        return live() ? "Live" : kind.label + " · " + status.label.toLowerCase();
    }

    public String cssClass() {
        return live() ? Status.PASSED.cssClass() : status.cssClass();
    }

    /** As stored with a site's rollup: "KIND:STATUS", or "LIVE". */
    public String code() {
        return live() ? "LIVE" : kind.name() + ":" + status.name();
    }

    /** The phase a stored code stands for; null for none (a site without projects) or a code this version does not know. */
    public static CurrentPhase parse(String code) {
        if (code == null || code.isEmpty()) {
            return null;
        }
        if (code.equals("LIVE")) {
            return LIVE;
        }
        int colon = code.indexOf(':');
        try {
            return colon < 0 ? null : new CurrentPhase(Kind.valueOf(code.substring(0, colon)), Status.valueOf(code.substring(colon + 1)));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
