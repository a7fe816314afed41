package dev.siteready.site;

import dev.siteready.tenant.WorkspaceOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

import java.util.List;

/** A person at the site the team works with (interface analyst, IT lead...). */
@Entity
public class SiteContact extends WorkspaceOwned {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "site_id", nullable = false, updatable = false)
    public Site site;

    @Column(nullable = false, length = 120)
    public String name;

    @Column(nullable = false, length = 120)
    public String role = "";

    @Column(nullable = false, length = 254)
    public String email = "";

    @Column(nullable = false)
    public int position;

    public static List<SiteContact> listFor(Site site) {
        return list("site = ?1 order by position, name", site);
    }
}
