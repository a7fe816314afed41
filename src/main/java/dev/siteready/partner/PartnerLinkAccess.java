package dev.siteready.partner;

import dev.siteready.tenant.WorkspaceOwned;
import dev.siteready.time.AppClock;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.OffsetDateTime;
import java.util.List;

/** One entry of a partner link's access log: when, from which network, what happened. */
@Entity
@Immutable
@Table(name = "partner_link_access")
public class PartnerLinkAccess extends WorkspaceOwned {

    public static final int MAX_ACTION = 300;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "link_id", nullable = false, updatable = false)
    public PartnerLink link;

    @Column(nullable = false)
    public OffsetDateTime at = AppClock.now();

    /** The client address truncated to its network (IPv4 /24, IPv6 /48): enough to tell places apart. */
    @Column(nullable = false, length = 64)
    public String client;

    @Column(nullable = false, length = MAX_ACTION)
    public String action;

    /** The latest entries of all the questionnaire's links, with their link, in one query. */
    public static List<PartnerLinkAccess> recentFor(dev.siteready.scoping.Questionnaire questionnaire, int max) {
        return find("from PartnerLinkAccess a join fetch a.link l where l.questionnaire = ?1 order by a.at desc, a.id",
                questionnaire).page(0, max).list();
    }
}
