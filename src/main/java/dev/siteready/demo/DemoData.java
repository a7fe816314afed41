package dev.siteready.demo;

import dev.siteready.account.AccountLookups;
import dev.siteready.account.Member;
import dev.siteready.account.MemberRole;
import dev.siteready.account.Passwords;
import dev.siteready.account.WorkspaceSignup;
import dev.siteready.tenant.TenantContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * With SITEREADY_DEMO=true, loads a demo workspace at start-up (once; later starts find it) and logs its
 * sign-in. Kept out of the versioned migrations, so no real installation ever gets demo accounts.
 * Later features add their demo records here.
 */
@ApplicationScoped
public class DemoData {

    public static final String OWNER_EMAIL = "maya@demo.siteready.dev";
    public static final String VIEWER_EMAIL = "vp@demo.siteready.dev";
    public static final String PASSWORD = "siteready-demo";
    public static final String WORKSPACE = "Demo: Northwind Health Software";

    private static final Logger LOG = Logger.getLogger(DemoData.class);

    @ConfigProperty(name = "siteready.demo")
    boolean enabled;

    @Inject
    AccountLookups lookups;

    @Inject
    WorkspaceSignup signup;

    @Inject
    TenantContext tenant;

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
                addMember("Dev Okafor (demo)", "dev@demo.siteready.dev", MemberRole.MANAGER);
                addMember("Victoria Park (demo VP)", VIEWER_EMAIL, MemberRole.VIEWER);
            });
            LOG.infof("Demo workspace created (id %s)", created.workspaceId());
        }
        LOG.infof("Demo data is on. Sign in as %s (owner) or %s (viewer) with the password \"%s\".", OWNER_EMAIL,
                VIEWER_EMAIL, PASSWORD);
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
