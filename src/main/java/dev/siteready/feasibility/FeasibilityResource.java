package dev.siteready.feasibility;

import dev.siteready.account.Actors;
import dev.siteready.account.MemberRole;
import dev.siteready.feasibility.FeasibilityDocuments.Title;
import dev.siteready.site.Site;
import dev.siteready.web.Flash;
import dev.siteready.web.FormErrors;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A site's feasibility summary (always current), its published snapshots, and the summary as PDF or Markdown. */
@Path("/sites/{siteId}/feasibility{format: (\\.pdf|\\.md)?}")
public class FeasibilityResource {

    /** A snapshot's address: its number, then .pdf or .md for its document. */
    private static final Pattern SNAPSHOT = Pattern.compile("([0-9]{1,9})(\\.pdf|\\.md)?");

    @Inject
    SecurityIdentity identity;

    @Inject
    Validator validator;

    /** The summary page, or with {@code .pdf} / {@code .md} after "feasibility" the document to download. */
    @GET
    @Produces({ MediaType.TEXT_HTML, "application/pdf", "text/markdown" })
    @Transactional
    public Response summary(@RestPath UUID siteId, @RestPath String format, @RestQuery String since) {
        Site site = Site.require(siteId);
        if (format == null || format.isEmpty()) {
            return html(200, FeasibilityPages.current(site, since, "", FormErrors.none()));
        }
        FeasibilityReport report = FeasibilityInputs.report(site);
        return FeasibilityDocuments.download(report, Title.current(report), format, "");
    }

    @POST
    @Path("snapshots")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
    @Transactional
    public Response publish(@RestPath UUID siteId, @RestPath String format, @BeanParam SnapshotNoteForm form) {
        Site site = Site.require(siteId);
        if (!(format == null || format.isEmpty())) {
            throw new NotFoundException();
        }
        FormErrors errors = form.errors(validator.validate(form));
        if (errors.any()) {
            return html(400, FeasibilityPages.current(site, null, form.shown(), errors));
        }
        FeasibilitySnapshot snapshot = FeasibilitySnapshot.publish(site, FeasibilityInputs.report(site), form.note(),
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
        Matcher m = SNAPSHOT.matcher(number);
        FeasibilitySnapshot snapshot = m.matches() ? FeasibilitySnapshot.findNumber(site.id, Integer.parseInt(m.group(1))) : null;
        if (snapshot == null) {
            throw new NotFoundException();
        }
        if (m.group(2) == null) {
            return html(200, FeasibilityPages.snapshot(site, snapshot));
        }
        return FeasibilityDocuments.download(snapshot.report, Title.snapshot(snapshot, site.timeZone), m.group(2),
                "-snapshot-" + snapshot.number);
    }

    private static Response html(int status, Object page) {
        return Response.status(status).entity(page).type(MediaType.TEXT_HTML_TYPE).build();
    }
}
