package dev.siteready.versioning;

import dev.siteready.tenant.WorkspaceOwned;
import dev.siteready.time.AppClock;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A published, numbered version of something people share and build on, which never changes once published (each
 * table's trigger refuses changes too): a questionnaire template's questions, an onboarding template's scope, a
 * feasibility summary's snapshot. Subclasses add what they belong to and what they hold.
 */
@MappedSuperclass
public abstract class PublishedVersion extends WorkspaceOwned {

    public static final int NOTE_MAX = 500;

    @Column(nullable = false, updatable = false)
    public int number;

    @Column(nullable = false, length = NOTE_MAX, updatable = false)
    public String note = "";

    @Column(name = "published_at", nullable = false, updatable = false)
    public OffsetDateTime publishedAt = AppClock.now();

    @Column(name = "published_by", nullable = false, length = 200, updatable = false)
    public String publishedBy;

    /**
     * Numbers this version as the next of its owner's and stores it, with the note (cut to fit) and who published it.
     * Publishers of one owner take turns (a transaction-scoped lock shared by every app node), so two never get the
     * same number.
     *
     * @param ownerAttribute the attribute naming the owner, e.g. "template" or "site"
     * @param ownerId the owner's id
     */
    protected void publish(String ownerAttribute, UUID ownerId, String note, String publishedBy) {
        var em = Panache.getEntityManager();
        String entity = getClass().getSimpleName();
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .setParameter("key", "publish:" + entity + ":" + ownerId).getSingleResult();
        Integer latest = em.createQuery("select max(v.number) from " + entity + " v where v." + ownerAttribute + ".id = ?1",
                Integer.class).setParameter(1, ownerId).getSingleResult();
        this.number = latest == null ? 1 : latest + 1;
        this.note = clip(note);
        this.publishedBy = publishedBy;
        persist();
    }

    /** A note as stored: trimmed, and cut with "…" to {@value #NOTE_MAX} characters. */
    public static String clip(String note) {
        String clean = note == null ? "" : note.trim();
        return clean.length() > NOTE_MAX ? clean.substring(0, NOTE_MAX - 1) + "…" : clean;
    }
}
