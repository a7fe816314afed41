package dev.siteready.site;

import dev.siteready.tenant.WorkspaceOwned;
import dev.siteready.time.AppClock;
import dev.siteready.web.Names;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.time.OffsetDateTime;

/** A health system (connection partner) the product is integrated with. */
@Entity
public class Site extends WorkspaceOwned {

    @Column(nullable = false, length = 160)
    @Convert(converter = Names.Nfc.class)
    public String name;

    @Column(name = "ehr_vendor", nullable = false, length = 80)
    public String ehrVendor = "";

    @Column(name = "time_zone", nullable = false, length = 64)
    public String timeZone;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public SiteStatus status = SiteStatus.PLANNED;

    @Column(name = "environment_notes", nullable = false, length = 4000)
    public String environmentNotes = "";

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt = AppClock.now();

    /** A new site with the details of a checked draft. */
    public static Site create(SiteDraft draft) {
        Site site = new Site();
        site.edit(draft.name(), draft.ehrVendor(), draft.timeZone(), draft.statusOrDefault(), draft.environmentNotes());
        site.persist();
        int position = 0;
        for (SiteDraft.Contact c : draft.contacts()) {
            SiteContact contact = new SiteContact();
            contact.site = site;
            contact.name = c.name().trim();
            contact.role = dev.siteready.web.Forms.text(c.role()).trim();
            contact.email = dev.siteready.web.Forms.text(c.email()).trim();
            contact.position = position++;
            contact.persist();
        }
        return site;
    }

    /** The details from the edit form or an onboarding draft, checked before. */
    public void edit(String name, String ehrVendor, String timeZone, SiteStatus status, String environmentNotes) {
        this.name = name.trim();
        this.ehrVendor = ehrVendor == null ? "" : ehrVendor.trim();
        this.timeZone = timeZone.trim();
        this.status = status;
        this.environmentNotes = environmentNotes == null ? "" : environmentNotes.trim();
    }

    /** One of its projects went live: so is the site. */
    public void wentLive() {
        status = SiteStatus.LIVE;
    }

    /** A go-live was taken back and none of its other projects is live: the site is implementing again. */
    public void liveTakenBack() {
        if (status == SiteStatus.LIVE) {
            status = SiteStatus.IMPLEMENTING;
        }
    }

    /** Whether a failed insert or update hit the unique site name (a race the form check could not see). */
    public static boolean isNameConflict(Throwable e) {
        return dev.siteready.database.ConstraintViolations.is(e, "site_name_key");
    }

    /** The site of this workspace with that id; 404 for any other id, including another workspace's. */
    public static Site require(java.util.UUID id) {
        Site site = id == null ? null : findById(id);
        if (site == null) {
            throw new jakarta.ws.rs.NotFoundException();
        }
        return site;
    }

    public static boolean nameTaken(String name, java.util.UUID except) {
        claimName("site", Names.key(name));
        return count("lower(name) = lower(?1) and id <> ?2", Names.normalize(name),
                except == null ? new java.util.UUID(0, 0) : except) > 0;
    }
}
