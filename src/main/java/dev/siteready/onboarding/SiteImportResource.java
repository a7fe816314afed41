package dev.siteready.onboarding;

import dev.siteready.account.MemberRole;
import dev.siteready.web.Flash;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

/** Importing many sites at once from CSV: paste it or upload the file. */
@Path("/sites/import")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({ MemberRole.OWNER_ROLE, MemberRole.MANAGER_ROLE })
public class SiteImportResource {

    static final String EXAMPLE = """
            name,ehr_vendor,time_zone,contact_name,contact_role,contact_email,template
            Riverside Health,Epic,America/Chicago,Pat Lee,Interface analyst,pat.lee@riverside.example,Lab results
            Lakeview Medical Center,Oracle Health,America/New_York,Sam Ortiz,IT lead,sam@lakeview.example,Scheduling and registration
            """;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(String csv, SiteCsvImport.Result result, List<String> templates, String example);
    }

    @Inject
    SiteCsvImport importer;

    @GET
    @Transactional
    public TemplateInstance form() {
        return Templates.form("", null, templates(), EXAMPLE);
    }

    /** Pasted CSV, from a plain form post. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response importPasted(@RestForm String csv) throws IOException {
        return importSites(new SiteCsvForm(csv, null));
    }

    /** An uploaded file (or pasted text) from the multipart form. */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response importSites(@BeanParam SiteCsvForm form) throws IOException {
        String text = form.csv() == null ? "" : form.csv();
        FileUpload file = form.file();
        SiteCsvImport.Result result;
        try {
            if (file != null && file.size() > 0) {
                text = Files.readString(file.uploadedFile(), StandardCharsets.UTF_8);
            }
            result = importer.importCsv(text);
        } catch (java.nio.charset.MalformedInputException e) {
            result = new SiteCsvImport.Result(List.of(), List.of(new SiteCsvImport.RowProblem(1, "The file is not UTF-8 text.")), List.of());
        }
        if (result.ok()) {
            int n = result.created().size();
            return Flash.seeOther("/sites?sort=created", n + (n == 1 ? " site" : " sites") + " created.");
        }
        String shown = text;
        SiteCsvImport.Result failed = result;
        return Response.status(400).entity(io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> Templates.form(shown, failed, templates(), EXAMPLE).render()))
                .type(MediaType.TEXT_HTML_TYPE).build();
    }

    private static List<String> templates() {
        return OnboardingTemplate.listByName().stream().map(t -> t.name).toList();
    }
}
