package dev.siteready.feasibility;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What changed between a published snapshot and now. Findings are matched by project, rule and subject:
 * added (open now, not open then), resolved (open then, met or gone now), changed (open both times, with
 * another status, severity, effort or rule outcome).
 */
record SnapshotDiff(int number, String publishedAt, Verdict before, Verdict now, List<Finding> added,
        List<Finding> resolved, List<Change> changed) {

    public record Change(Finding before, Finding now) {
    }

    public static SnapshotDiff between(int number, String publishedAt, FeasibilityReport before, FeasibilityReport now) {
        Map<String, Finding> then = index(before.findings());
        Map<String, Finding> current = index(now.findings());
        List<Finding> added = new ArrayList<>();
        List<Finding> resolved = new ArrayList<>();
        List<Change> changed = new ArrayList<>();
        current.forEach((key, finding) -> {
            Finding old = then.get(key);
            if (finding.isOpen() && (old == null || !old.isOpen())) {
                added.add(finding);
            } else if (finding.isOpen() && (old.status() != finding.status() || old.severity() != finding.severity()
                    || old.effort() != finding.effort() || !sameOutcome(old, finding))) {
                changed.add(new Change(old, finding));
            }
        });
        then.forEach((key, old) -> {
            Finding finding = current.get(key);
            if (old.isOpen() && (finding == null || !finding.isOpen())) {
                resolved.add(old);
            }
        });
        return new SnapshotDiff(number, publishedAt, before.verdict(), now.verdict(), added, resolved, changed);
    }

    /**
     * Same rule outcome; its wording is not compared (it names the site and project, which may be renamed).
     * Snapshots published before findings carried their outcome compare by explanation.
     */
    private static boolean sameOutcome(Finding a, Finding b) {
        if (a.outcome().isEmpty() || b.outcome().isEmpty()) {
            return Objects.equals(a.explanation(), b.explanation());
        }
        return a.outcome().equals(b.outcome());
    }

    private static Map<String, Finding> index(List<Finding> findings) {
        Map<String, Finding> byKey = new LinkedHashMap<>();
        findings.forEach(f -> byKey.putIfAbsent(f.key(), f));
        return byKey;
    }

    public boolean verdictChanged() {
        return before != now;
    }

    public boolean isEmpty() {
        return added.isEmpty() && resolved.isEmpty() && changed.isEmpty() && !verdictChanged();
    }
}
