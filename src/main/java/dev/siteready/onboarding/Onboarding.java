package dev.siteready.onboarding;

import dev.siteready.web.Names;
import dev.siteready.project.ConnectionMethod;
import dev.siteready.project.Direction;
import dev.siteready.project.Project;
import dev.siteready.project.ScopeService;
import dev.siteready.project.ScopeSpec;
import dev.siteready.site.Site;
import dev.siteready.site.SiteDraft;
import dev.siteready.tenant.WorkspaceCreated;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Map;

/** Onboarding a site in one step: the site, its contacts, a first project and that project's scope. */
@ApplicationScoped
public class Onboarding {

    public static final String FIRST_PROJECT = "Initial integration";

    public record Onboarded(Site site, Project project, List<String> notes) {
    }

    @Inject
    ScopeService scopes;

    @Inject
    dev.siteready.scoping.QuestionnaireTemplates questionnaires;

    /** Creates the site from a validated draft (see SiteDrafts), with the draft's template if it names one. */
    @Transactional
    public Onboarded createSite(SiteDraft draft) {
        OnboardingTemplate template = OnboardingTemplate.named(draft.template());
        Onboarded onboarded = createSite(draft, template, template == null ? null : scopes.snapshot());
        Site.flush(); // a taken name (unique index) fails here, inside the caller's try
        questionnaires.start(onboarded.project(), questionnaires.ensureStandard());
        return onboarded;
    }

    /**
     * Creates the site from a validated draft and the template, if any, with the catalog read once by the caller: creating many sites then runs no query per site,
     * so Hibernate writes everything in batches at commit.
     */
    @Transactional
    public Onboarded createSite(SiteDraft draft, OnboardingTemplate template, ScopeService.CatalogSnapshot catalog) {
        Site site = Site.create(draft);
        Project project = Project.create(site, FIRST_PROJECT,
                template == null ? "" : "Started from the template \"" + template.name + "\".");
        List<String> notes = template == null ? List.of() : scopes.applyToNew(project, template.scope, catalog);
        return new Onboarded(site, project, notes);
    }

    /** Why a new template cannot have this name, or null: names are unique without regard to case. */
    public String nameProblem(String name) {
        OnboardingTemplate.claimName("onboarding_template", Names.key(name));
        return OnboardingTemplate.findByName(name) != null ? "A template called " + Names.normalize(name) + " exists already." : null;
    }

    @Transactional
    public OnboardingTemplate saveAsTemplate(Project project, String name, String description) {
        OnboardingTemplate template = new OnboardingTemplate();
        template.name = Names.normalize(name);
        template.description = description == null ? "" : description.trim();
        template.scope = scopes.read(project);
        template.persist();
        OnboardingTemplateVersion.publish(template, template.scope, "Saved from " + project.site.name + ", " + project.name + ".",
                "SiteReady", null);
        return template;
    }

    /** Every new workspace starts with three templates for common integrations. */
    void seedTemplates(@Observes @Priority(20) WorkspaceCreated created) {
        template("Lab results", "Orders out of the product, results back in; LOINC codes and NPI required.",
                new ScopeSpec(List.of(
                        row("Order", List.of("New", "Update", "Cancel"), Direction.OUTBOUND, 400, 60),
                        row("Results", List.of("New"), Direction.INBOUND, 2000, 300)),
                        Map.of("Results", List.of("Orders[].Results[].Code", "Orders[].Results[].Codeset",
                                "Orders[].Results[].Value", "Orders[].Results[].Units")),
                        List.of("MR"), List.of("NPI"), Map.of("Results", List.of("LN")),
                        List.of(new ScopeSpec.WorkflowSpec("Order placed in product → result filed in product",
                                "A clinician orders a test in the product; the site's lab results it and the result appears on the order."))));
        template("Scheduling and registration", "Appointments and patient registration flowing into the product.",
                new ScopeSpec(List.of(
                        row("Scheduling", List.of("New", "Reschedule", "Cancel", "NoShow"), Direction.INBOUND, 1500, 200),
                        row("PatientAdmin", List.of("Registration", "PatientUpdate", "PatientMerge"), Direction.INBOUND, 3000, 400)),
                        Map.of("PatientAdmin", List.of("Patient.Identifiers[].ID", "Patient.Identifiers[].IDType")),
                        List.of("MR", "PE"), List.of("NPI"), Map.of(),
                        List.of(new ScopeSpec.WorkflowSpec("Appointment booked at the site → visible in the product",
                                "A scheduler books, moves or cancels an appointment; the product shows it within minutes."))));
        template("Clinical notes back to the EHR", "The product files documents into the chart.",
                new ScopeSpec(List.of(
                        row("PatientAdmin", List.of("Arrival", "Discharge"), Direction.INBOUND, 800, 100),
                        row("Notes", List.of("New", "Replace"), Direction.OUTBOUND, 500, 80)),
                        Map.of(), List.of("MR"), List.of("NPI"), Map.of(),
                        List.of(new ScopeSpec.WorkflowSpec("Note signed in product → document in EHR chart", ""))));
    }

    private static void template(String name, String description, ScopeSpec scope) {
        OnboardingTemplate template = new OnboardingTemplate();
        template.name = name;
        template.description = description;
        template.scope = scope;
        template.persist();
        OnboardingTemplateVersion.publish(template, scope, "The template every workspace starts with.", "SiteReady", null);
    }

    private static ScopeSpec.Row row(String model, List<String> events, Direction direction, int perDay, int peak) {
        return new ScopeSpec.Row(model, events, direction.name(), ConnectionMethod.HL7V2_MLLP.name(), perDay, peak);
    }
}
