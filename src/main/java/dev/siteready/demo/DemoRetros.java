package dev.siteready.demo;

import dev.siteready.onboarding.OnboardingTemplate;
import dev.siteready.partner.PartnerLink;
import dev.siteready.partner.PartnerLinks;
import dev.siteready.project.Project;
import dev.siteready.retro.RetroAction;
import dev.siteready.retro.RetroItem.Section;
import dev.siteready.retro.RetroItem;
import dev.siteready.retro.RetroParticipant;
import dev.siteready.retro.Retrospective;
import dev.siteready.retro.TemplateProposal;
import dev.siteready.site.Site;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Demo retrospectives: Riverside's (with the partner's note, action items and a proposal waiting for Maya) and Desert
 * Sun's (a Cerner site whose code mapping took weeks). Bayou General and Coastal Carolina went live without one, so the
 * home reminds the team.
 */
@ApplicationScoped
class DemoRetros {

    static final String MAYA = "Maya Patel (demo)";

    @Inject
    PartnerLinks partnerLinks;

    void load(LocalDate today) {
        Project riverside = firstProject("Riverside Health");
        Project desert = firstProject("Desert Sun Health");
        if (riverside == null || desert == null) {
            return;
        }
        Retrospective r = retro(riverside, today.minusDays(12), """
                Live for a month without a Sev-1. Results flow in under a minute; the order feed needed one re-send fix.
                Two lessons for the template: **units** come from LOINC, and a *code-mapping upload* would have saved a week.""");
        participant(r, "Maya Patel", "Implementation manager", RetroParticipant.Side.VENDOR);
        participant(r, "Dev Okafor", "Integration engineer", RetroParticipant.Side.VENDOR);
        participant(r, "Pat Lee", "Interface analyst", RetroParticipant.Side.HEALTH_SYSTEM);
        item(r, Section.DESIGN_REVIEW, "ORC-12 carried the NPI as planned", "The provider crosswalk was not needed.", MAYA, null, "providers");
        item(r, Section.DECISION, "Results are filed on the order, not as unsolicited", "Agreed with Pat during integrated testing; "
                + "unsolicited results (`NewUnsolicited`) stay out of scope.", DemoTesting.DEV, null, "results");
        item(r, Section.WENT_WELL, "Functional testing took four days", "- Checklist ready on day one\n- Control IDs as evidence worked well",
                MAYA, null, "testing");
        RetroItem late = item(r, Section.TO_IMPROVE, "LOINC mapping table came late", "Local result codes were mapped by hand in a spreadsheet. "
                + "Ask for the mapping table at scoping, not in testing.", DemoTesting.DEV, null, "code-mapping", "loinc");
        RetroItem units = item(r, Section.NOT_REQUIRED, "Results units were never needed",
                "The product derives units from the LOINC code; the site's free-text units were ignored.", MAYA, null, "scope", "results");
        units.linkKind = RetroItem.LinkKind.REQUIREMENT;
        units.linkRef = "FIELD|Results|Orders[].Results[].Units";
        units.linkLabel = "Required field Results Orders[].Results[].Units";
        item(r, Section.FEATURE_NEEDED, "A code-mapping upload", "Upload the site's local-to-LOINC table instead of typing it.",
                "Pat Lee, interface analyst (health system)",
                partnerLinks.createRetrospective(riverside, "Pat Lee, interface analyst", 14, MAYA, "http://localhost").link(),
                "code-mapping");
        action(r, late, "Ask for the LOINC mapping table in the scoping questionnaire", "Maya Patel", today.plusDays(10));
        action(r, null, "Write up the code-mapping upload for product", "Dev Okafor", today.minusDays(2));
        OnboardingTemplate lab = OnboardingTemplate.findByName("Lab results");
        if (lab != null) {
            TemplateProposal p = new TemplateProposal();
            p.retrospective = r;
            p.item = units;
            p.change = TemplateProposal.Change.DROP_FIELD;
            p.onboardingTemplate = lab;
            p.templateName = lab.name;
            p.details = new TemplateProposal.Details(null, null, null, null, null, null, "Results", null, "Orders[].Results[].Units", null);
            p.summary = "Stop requiring Results Orders[].Results[].Units in the onboarding template Lab results.";
            p.proposedBy = MAYA;
            p.persist();
        }

        Retrospective d = retro(desert, today.minusDays(20), "Cerner's local result codes made mapping the longest task.");
        participant(d, "Rosa Diaz", "HL7 analyst", RetroParticipant.Side.HEALTH_SYSTEM);
        participant(d, "Dev Okafor", "Integration engineer", RetroParticipant.Side.VENDOR);
        item(d, Section.TO_IMPROVE, "Local result codes needed mapping for three weeks",
                "Cerner sent `99LAB` local codes in OBX-3; only a third had LOINC alternates in OBX-3.4.", DemoTesting.DEV, null,
                "code-mapping", "cerner", "loinc");
        item(d, Section.MISSING_DATA, "Specimen source was missing from results", "OBR-15 was empty; the product needs it for cultures.",
                DemoTesting.DEV, null, "results");
        item(d, Section.WENT_WELL, "Production testing on a Saturday morning went smoothly", "", MAYA, null, "go-live");
        action(d, null, "Add specimen source to the Lab results requirements", "Maya Patel", today.plusDays(20));
    }

    static Project firstProject(String siteName) {
        Site site = Site.find("name", siteName).firstResult();
        return site == null ? null : Project.listFor(site).stream().findFirst().orElse(null);
    }

    private static Retrospective retro(Project project, LocalDate held, String summary) {
        Retrospective r = new Retrospective();
        r.project = project;
        r.heldOn = held;
        r.summary = summary;
        r.createdBy = MAYA;
        r.createdAt = held.atTime(15, 0).atOffset(ZoneOffset.UTC);
        r.persist();
        return r;
    }

    private static void participant(Retrospective r, String name, String role, RetroParticipant.Side side) {
        RetroParticipant p = new RetroParticipant();
        p.retrospective = r;
        p.name = name;
        p.role = role;
        p.side = side;
        p.persist();
    }

    /** An item; through a partner's retrospective link when one is given. */
    private static RetroItem item(Retrospective r, Section section, String title, String notes, String author, PartnerLink via,
            String... tags) {
        RetroItem i = new RetroItem();
        i.partnerLink = via;
        i.retrospective = r;
        i.section = section;
        i.title = title;
        i.notes = notes;
        i.author = author;
        i.tags = tags;
        i.createdAt = r.createdAt;
        i.persist();
        return i;
    }

    private static void action(Retrospective r, RetroItem item, String title, String owner, LocalDate due) {
        RetroAction a = new RetroAction();
        a.retrospective = r;
        a.item = item;
        a.title = title;
        a.owner = owner;
        a.dueOn = due;
        a.persist();
    }
}
