package dev.siteready.feasibility;

import dev.siteready.web.Dates;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import dev.siteready.account.Actors;
import dev.siteready.account.MemberRole;
import dev.siteready.scoping.QuestionnaireViews;
import dev.siteready.site.Site;
import dev.siteready.web.Downloads;
import dev.siteready.web.Flash;
import dev.siteready.web.FormErrors;
import dev.siteready.web.PlainText;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** A site's feasibility summary (always current), its published snapshots, and the summary as PDF or Markdown. */
@Path("/sites/{siteId}/feasibility{format: (\\.pdf|\\.md)?}")
public class FeasibilityResource {

    static final int NOTE_MAX = 500;
    static final int SNAPSHOTS_LISTED = 20;

    /**
     * What the summary page shows: the report (current or a snapshot's), the snapshot it is (or null), what
     * changed since the snapshot compared with (or null), and the latest snapshots.
     */
    public record ReportPage(UUID siteId, FeasibilityReport report, FeasibilitySnapshot.Line snapshot, SnapshotDiff diff,
            List<FeasibilitySnapshot.Line> snapshots, String note, FormErrors errors) {

        public String base() {
            return "/sites/" + siteId + "/feasibility";
        }

        public String when(FeasibilitySnapshot.Line line) {
            return Dates.utc(line.publishedAt());
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance summary(ReportPage page);
    }

    @Inject
    SecurityIdentity identity;

    /** The summary page, or with {@code .pdf} / {@code .md} after "feasibility" the document to download. */
    @GET
    @Produces({ MediaType.TEXT_HTML, "application/pdf", "text/markdown" })
    @Transactional
    public Response summary(@RestPath UUID siteId, @RestPath String format, @RestQuery String since) {
        Site site = Site.require(siteId);
        if ((format == null || format.isEmpty())) {
            return Response.ok(Templates.summary(current(site, since, "", FormErrors.none()))).type(MediaType.TEXT_HTML_TYPE).build();
        }
        FeasibilityReport report = FeasibilityInputs.report(site);
        return document(report, currentTitle(report), format, "");
    }

    @POST
    @Path("snapshots")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response publish(@RestPath UUID siteId, @RestPath String format, @RestForm String note) {
        Site site = Site.require(siteId);
        if (!(format == null || format.isEmpty())) {
            throw new NotFoundException();
        }
        String text = note == null ? "" : note.strip();
        if (!PlainText.Validator.fits(text, NOTE_MAX)) {
            FormErrors errors = FormErrors.none().add("note", text.length() > NOTE_MAX
                    ? "Keep the note to " + NOTE_MAX + " characters (it has " + String.format("%,d", text.length()) + ")."
                    : "Remove the control characters (such as NUL) from the note.");
            String shown = text.length() > 10 * NOTE_MAX ? text.substring(0, 10 * NOTE_MAX) : text;
            return Response.status(400).type(MediaType.TEXT_HTML_TYPE)
                    .entity(Templates.summary(current(site, null, shown, errors))).build();
        }
        FeasibilitySnapshot snapshot = FeasibilitySnapshot.publish(site, FeasibilityInputs.report(site), text,
                Actors.describe(identity));
        return Flash.seeOther("/sites/" + siteId + "/feasibility/snapshots/" + snapshot.number,
                "Snapshot " + snapshot.number + " published: " + snapshot.verdict.label + ".");
    }

    /** A published snapshot: its page, or with {@code .pdf} / {@code .md} after the number its document. */
    @GET
    @Path("snapshots/{number}")
    @Produces({ MediaType.TEXT_HTML, "application/pdf", "text/markdown" })
    @Transactional
    public Response snapshot(@RestPath UUID siteId, @RestPath String format, @RestPath String number) {
        Site site = Site.require(siteId);
        if (!(format == null || format.isEmpty())) {
            throw new NotFoundException();
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([0-9]{1,9})(\\.pdf|\\.md)?").matcher(number);
        FeasibilitySnapshot snapshot = m.matches() ? FeasibilitySnapshot.findNumber(site.id, Integer.parseInt(m.group(1))) : null;
        if (snapshot == null) {
            throw new NotFoundException();
        }
        if (m.group(2) == null) {
            return Response.ok(Templates.summary(new ReportPage(siteId, snapshot.report, line(snapshot), null,
                    FeasibilitySnapshot.linesFor(siteId, SNAPSHOTS_LISTED), "", FormErrors.none()))).type(MediaType.TEXT_HTML_TYPE).build();
        }
        return document(snapshot.report, snapshotTitle(snapshot), m.group(2), "-snapshot-" + snapshot.number);
    }

    /** The report as a PDF or Markdown download named after the site, e.g. Mercy-General-snapshot-2-feasibility.pdf. */
    static Response document(FeasibilityReport report, FeasibilityDocuments.Title title, String format, String suffix) {
        if (".pdf".equals(format)) {
            return Downloads.attachment(FeasibilityDocuments.pdf(report, title), "application/pdf",
                    shortName(report) + suffix + "-feasibility", "pdf");
        }
        return Downloads.attachment(FeasibilityDocuments.markdown(report, title).getBytes(StandardCharsets.UTF_8),
                "text/markdown; charset=UTF-8", shortName(report) + suffix + "-feasibility", "md");
    }

    /** The site's name, cut so that a snapshot's suffix always fits the file name. */
    private static String shortName(FeasibilityReport report) {
        return report.siteName().length() > 60 ? report.siteName().substring(0, 60) : report.siteName();
    }

    /** The page for the current summary, compared with snapshot {@code since} or else the latest one. */
    private static ReportPage current(Site site, String since, String note, FormErrors errors) {
        FeasibilityReport report = FeasibilityInputs.report(site);
        FeasibilitySnapshot compared = since != null && since.matches("[0-9]{1,9}")
                ? FeasibilitySnapshot.findNumber(site.id, Integer.parseInt(since)) : null;
        compared = compared == null ? FeasibilitySnapshot.latest(site.id) : compared;
        SnapshotDiff diff = compared == null ? null
                : SnapshotDiff.between(compared.number, Dates.utc(compared.publishedAt), compared.report, report);
        return new ReportPage(site.id, report, null, diff, FeasibilitySnapshot.linesFor(site.id, SNAPSHOTS_LISTED), note, errors);
    }

    private static FeasibilitySnapshot.Line line(FeasibilitySnapshot s) {
        return new FeasibilitySnapshot.Line(s.id, s.number, s.verdict, s.note, s.publishedAt, s.publishedBy);
    }

    static FeasibilityDocuments.Title currentTitle(FeasibilityReport report) {
        return new FeasibilityDocuments.Title("Feasibility: " + report.siteName(),
                "Current summary, computed " + report.generatedAtText());
    }

    static FeasibilityDocuments.Title snapshotTitle(FeasibilitySnapshot snapshot) {
        return new FeasibilityDocuments.Title("Feasibility: " + snapshot.report.siteName(),
                "Snapshot " + snapshot.number + ", published " + Dates.utc(snapshot.publishedAt) + " by "
                        + snapshot.publishedBy + (snapshot.note.isEmpty() ? "" : " · " + snapshot.note));
    }
}
