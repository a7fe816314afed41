package dev.siteready.testing;

import dev.siteready.partner.PartnerLink;
import dev.siteready.project.Project;
import dev.siteready.tenant.WorkspaceOwned;
import dev.siteready.tenant.WorkspaceSql;
import dev.siteready.time.AppClock;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.OffsetDateTime;
import java.util.List;

/** A go-live sign-off by one side: who, in which role, when, and the scope version they signed. */
@Entity
@Immutable
@Table(name = "sign_off")
public class SignOff extends WorkspaceOwned {

    public static final int MAX_NAME = 120;

    public enum Side {
        VENDOR("Vendor"),
        PARTNER("Health system");

        public final String label;

        Side(String label) {
            this.label = label;
        }
    }

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "project_id", nullable = false, updatable = false)
    public Project project;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    public Side side;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public TestPhase.Kind phase = TestPhase.Kind.GO_LIVE;

    @Column(nullable = false, length = MAX_NAME)
    public String name;

    @Column(nullable = false, length = MAX_NAME)
    public String role;

    @Column(name = "scope_version", nullable = false, length = 16)
    public String scopeVersion;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "link_id")
    public PartnerLink link;

    @Column(name = "signed_at", nullable = false)
    public OffsetDateTime signedAt = AppClock.now();

    /** The side's sign-off of the plan's current scope version; a partner's names the link it came through. */
    static SignOff record(TestPlan plan, Side side, String name, String role, PartnerLink link) {
        SignOff s = new SignOff();
        s.project = plan.project();
        s.side = side;
        s.name = name;
        s.role = role;
        s.scopeVersion = plan.scopeVersion();
        s.link = link;
        s.persist();
        return s;
    }

    public static List<SignOff> listFor(Project project) {
        return WorkspaceSql.list(WorkspaceSql.entities("SELECT s.* FROM sign_off s WHERE s.workspace_id = :ws"
                + " AND s.project_id = :project ORDER BY s.signed_at DESC, s.id", SignOff.class).setParameter("project", project.id),
                SignOff.class);
    }
}
