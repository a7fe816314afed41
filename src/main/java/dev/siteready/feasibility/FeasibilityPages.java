package dev.siteready.feasibility;

import dev.siteready.site.Site;
import dev.siteready.web.Dates;
import dev.siteready.web.FormErrors;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import java.util.List;
import java.util.UUID;

/** The summary page: the current summary compared with a snapshot, or a published snapshot; dates in the site's zone. */
final class FeasibilityPages {

    static final int SNAPSHOTS_LISTED = 20;

    /**
     * What the summary page shows: the report (current or a snapshot's), the snapshot it is (or null), what
     * changed since the snapshot compared with (or null), the latest snapshots, and the snapshot form's note and errors.
     */
    public record ReportPage(UUID siteId, String timeZone, FeasibilityReport report, FeasibilitySnapshot.Line snapshot,
            SnapshotDiff diff, List<FeasibilitySnapshot.Line> snapshots, String note, FormErrors errors) {

        public String base() {
            return "/sites/" + siteId + "/feasibility";
        }

        public String when(FeasibilitySnapshot.Line line) {
            return Dates.at(line.publishedAt(), timeZone);
        }
    }

    @CheckedTemplate(basePath = "FeasibilityResource")
    static class Templates {
        static native TemplateInstance summary(ReportPage page);
    }

    private FeasibilityPages() {
    }

    /** The current summary, compared with snapshot {@code since} (a number) or else the latest one. */
    static TemplateInstance current(Site site, String since, String note, FormErrors errors) {
        FeasibilityReport report = FeasibilityInputs.report(site);
        FeasibilitySnapshot compared = since != null && since.matches("[0-9]{1,9}")
                ? FeasibilitySnapshot.findNumber(site.id, Integer.parseInt(since)) : null;
        compared = compared == null ? FeasibilitySnapshot.latest(site.id) : compared;
        SnapshotDiff diff = compared == null ? null
                : SnapshotDiff.between(compared.number, Dates.at(compared.publishedAt, site.timeZone), compared.report, report);
        return Templates.summary(new ReportPage(site.id, site.timeZone, report, null, diff,
                FeasibilitySnapshot.linesFor(site.id, SNAPSHOTS_LISTED), note, errors));
    }

    /** A published snapshot as it was. */
    static TemplateInstance snapshot(Site site, FeasibilitySnapshot snapshot) {
        return Templates.summary(new ReportPage(site.id, site.timeZone, snapshot.report, snapshot.line(), null,
                FeasibilitySnapshot.linesFor(site.id, SNAPSHOTS_LISTED), "", FormErrors.none()));
    }
}
