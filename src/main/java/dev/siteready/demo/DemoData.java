package dev.siteready.demo;

import dev.siteready.account.AccountLookups;
import dev.siteready.account.Member;
import dev.siteready.account.MemberRole;
import dev.siteready.account.Passwords;
import dev.siteready.account.WorkspaceSignup;
import dev.siteready.onboarding.Onboarding;
import dev.siteready.site.Site;
import dev.siteready.site.SiteDraft;
import dev.siteready.tenant.TenantContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.List;

/**
 * With SITEREADY_DEMO=true, loads a demo workspace at start-up (once; later starts find it) and logs its
 * sign-in. Kept out of the versioned migrations, so no real installation ever gets demo accounts.
 * Later features add their demo records here.
 */
@ApplicationScoped
public class DemoData {

    public static final String OWNER_EMAIL = "maya@demo.siteready.dev";
    public static final String VIEWER_EMAIL = "vp@demo.siteready.dev";
    /** The integration engineer of the journeys (docs: ../shared/JOURNEYS.md), a manager. */
    public static final String ENGINEER_EMAIL = "dev@demo.siteready.dev";
    public static final String PASSWORD = "siteready-demo";
    public static final String WORKSPACE = "Demo: Northwind Health Software";

    private static final Logger LOG = Logger.getLogger(DemoData.class);

    @ConfigProperty(name = "siteready.demo")
    boolean enabled;

    @Inject
    AccountLookups lookups;

    @Inject
    Clock clock;

    @Inject
    WorkspaceSignup signup;

    @Inject
    TenantContext tenant;

    @Inject
    Onboarding onboarding;

    @Inject
    DemoAnswers answers;

    @Inject
    DemoTesting testing;

    @Inject
    DemoRetros retros;

    @Inject
    DemoSamples samples;

    /** Twenty health systems across vendors, time zones and stages, each from one of the default templates. */
    static final List<SiteDraft> SITES = List.of(
            site("Riverside Health", "Epic", "America/Chicago", "LIVE", "Pat Lee", "Interface analyst", "Lab results"),
            site("Lakeview Medical Center", "Oracle Health (Cerner)", "America/New_York", "IMPLEMENTING", "Sam Ortiz", "Integration lead", "Lab results"),
            site("Mercy Valley Hospital", "MEDITECH Expanse", "America/Denver", "SCOPING", "Ana Ruiz", "IT director", "Scheduling and registration"),
            site("Northshore Clinics", "athenahealth", "America/Los_Angeles", "SCOPING", "Kim Tran", "Practice IT", "Scheduling and registration"),
            site("St. Brigid Regional", "Epic", "America/New_York", "PLANNED", "Joe Malone", "Interface analyst", "Clinical notes back to the EHR"),
            site("Desert Sun Health", "Oracle Health (Cerner)", "America/Phoenix", "LIVE", "Rosa Diaz", "HL7 analyst", "Lab results"),
            site("Harbor Children's Hospital", "Epic", "America/Los_Angeles", "IMPLEMENTING", "Lee Park", "Integration engineer", "Clinical notes back to the EHR"),
            site("Prairie Community Hospital", "MEDITECH 6.x", "America/Chicago", "ON_HOLD", "Dale Berg", "CIO", "Lab results"),
            site("Blue Ridge Medical Group", "NextGen", "America/New_York", "SCOPING", "Nia Brooks", "Practice administrator", "Scheduling and registration"),
            site("Great Lakes Health System", "Epic", "America/Detroit", "PLANNED", "Omar Haddad", "Enterprise architect", "Lab results"),
            site("Aloha Pacific Medical", "Oracle Health (Cerner)", "Pacific/Honolulu", "SCOPING", "Keoni Kahale", "IT manager", "Scheduling and registration"),
            site("Frontier Rural Health", "eClinicalWorks", "America/Denver", "PLANNED", "Beth Olsen", "Office manager", "Scheduling and registration"),
            site("Bayou General", "Epic", "America/Chicago", "LIVE", "Marc Thibodeaux", "Interface team lead", "Clinical notes back to the EHR"),
            site("Granite State Hospital", "MEDITECH Expanse", "America/New_York", "IMPLEMENTING", "Eve Hart", "Clinical apps", "Lab results"),
            site("Cascade Health Partners", "Epic", "America/Los_Angeles", "SCOPING", "Ravi Shah", "Integration analyst", "Lab results"),
            site("Sunbelt Orthopedics", "athenahealth", "America/New_York", "PLANNED", "Tina Webb", "Practice IT", "Scheduling and registration"),
            site("Heartland Regional Medical", "Oracle Health (Cerner)", "America/Chicago", "IMPLEMENTING", "Greg Novak", "Interface analyst", "Lab results"),
            site("Coastal Carolina Health", "Epic", "America/New_York", "LIVE", "Dana Price", "Integration lead", "Scheduling and registration"),
            site("Yukon Valley Clinic", "Other", "America/Anchorage", "ON_HOLD", "Ira Cole", "IT generalist", "Clinical notes back to the EHR"),
            site("Capital City Hospital", "Epic", "America/New_York", "SCOPING", "Lou Grant", "Interface analyst", "Lab results"));

    void onStart(@Observes StartupEvent event) {
        if (enabled) {
            TenantContext.inRequestContext(() -> {
                load();
                return null;
            });
        }
    }

    void load() {
        if (!lookups.emailRegistered(OWNER_EMAIL)) {
            WorkspaceSignup.Created created = signup.create(WORKSPACE, "Maya Patel (demo)", OWNER_EMAIL, PASSWORD);
            QuarkusTransaction.requiringNew().run(() -> {
                addMember("Dev Okafor (demo)", ENGINEER_EMAIL, MemberRole.MANAGER);
                addMember("Victoria Park (demo VP)", VIEWER_EMAIL, MemberRole.VIEWER);
            });
            QuarkusTransaction.requiringNew().run(() -> SITES.forEach(site -> onboarding.createSite(site)));
            java.time.LocalDate today = java.time.LocalDate.now(clock.withZone(java.time.ZoneOffset.UTC)); // the demo spans sites
            QuarkusTransaction.requiringNew().run(() -> Site.<Site>listAll().forEach(site -> answers.answer(site, today)));
            QuarkusTransaction.requiringNew().run(() -> testing.load(created.workspaceId(), today));
            QuarkusTransaction.requiringNew().run(() -> retros.load(today));
            QuarkusTransaction.requiringNew().run(() -> samples.load());
            LOG.infof("Demo workspace created (id %s)", created.workspaceId());
        }
        LOG.infof("Demo data is on. Sign in at /login with the password \"%s\" as %s (Maya, implementation manager, owner),"
                + " %s (Dev, integration engineer, manager) or %s (Victoria, viewer).", PASSWORD, OWNER_EMAIL, ENGINEER_EMAIL,
                VIEWER_EMAIL);
    }

    private static SiteDraft site(String name, String vendor, String zone, String status, String contact, String role,
            String template) {
        String email = contact.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]+", ".") + "@"
                + name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]+", "") + ".example";
        return new SiteDraft(name, vendor, zone, status, "Demo site.", List.of(new SiteDraft.Contact(contact, role, email)),
                template);
    }

    private static void addMember(String name, String email, MemberRole role) {
        Member member = new Member();
        member.displayName = name;
        member.email = email;
        member.passwordHash = Passwords.hash(PASSWORD);
        member.role = role;
        member.persist();
    }
}
