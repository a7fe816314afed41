package dev.siteready.retro;

import dev.siteready.partner.PartnerLink;
import dev.siteready.tenant.WorkspaceOwned;
import dev.siteready.time.AppClock;
import dev.siteready.web.Forms;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * One thing a retrospective records, in one of its sections: notes in Markdown, tags, and optionally a link to what
 * it is about (a questionnaire question, a catalog event or field, a scope requirement), kept by name.
 */
@Entity
@Table(name = "retro_item")
public class RetroItem extends WorkspaceOwned {

    public static final int MAX_TITLE = 200;
    public static final int MAX_NOTES = 20_000;
    public static final int MAX_TAGS = 10;

    public enum Section {
        DESIGN_REVIEW("Technical design review", "How the interface design held up: mappings, volumes, error handling."),
        DECISION("Decisions made", "What was decided along the way, and why."),
        WENT_WELL("What went well", "What to repeat at the next site."),
        TO_IMPROVE("What to improve", "What to do differently next time."),
        NOT_REQUIRED("Scope: data found not required", "Data the scope asked for that the product never needed."),
        MISSING_DATA("Scope: data missing", "Data the product needed that the scope did not ask for."),
        FEATURE_NEEDED("Scope: product features needed", "Product changes that would have made this site fit.");

        public final String label;
        public final String prompt;

        Section(String label, String prompt) {
            this.label = label;
            this.prompt = prompt;
        }

        public String slug() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public boolean scopeChange() {
            return this == NOT_REQUIRED || this == MISSING_DATA || this == FEATURE_NEEDED;
        }

        public static Section parse(String value) {
            for (Section s : values()) {
                if (s.name().equals(value)) {
                    return s;
                }
            }
            return null;
        }
    }

    /** What an item is linked to. The reference names it (question key, "Model|Event", "Model|field path", "KIND|code"). */
    public enum LinkKind {
        QUESTION("Question"),
        EVENT("Catalog event"),
        FIELD("Catalog field"),
        REQUIREMENT("Scope requirement");

        public final String label;

        LinkKind(String label) {
            this.label = label;
        }
    }

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "retrospective_id", nullable = false, updatable = false)
    public Retrospective retrospective;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    public Section section;

    @Column(nullable = false, length = MAX_TITLE)
    public String title;

    /** Markdown, as typed. */
    @Column(nullable = false, columnDefinition = "text")
    public String notes = "";

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public String[] tags = new String[0];

    @Enumerated(EnumType.STRING)
    @Column(name = "link_kind", length = 20)
    public LinkKind linkKind;

    @Column(name = "link_ref", length = 400)
    public String linkRef;

    @Column(name = "link_label", length = 400)
    public String linkLabel;

    @Column(nullable = false, length = 200)
    public String author;

    /** Set when the partner wrote the item through a retrospective link. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "partner_link_id", updatable = false)
    public PartnerLink partnerLink;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt = AppClock.now();

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt = AppClock.now();

    /** Writes what the team or the partner typed (already checked); the link is set apart, see {@link #linkTo}. */
    void write(Section section, String title, String notes, List<String> tags) {
        this.section = section;
        this.title = title;
        this.notes = notes.strip();
        this.tags = tags.toArray(String[]::new);
        this.updatedAt = AppClock.now();
    }

    /** Links the item to a listed option: its form value ("KIND:reference") and what it says. */
    void linkTo(String value, String label) {
        int colon = value.indexOf(':');
        linkKind = LinkKind.valueOf(value.substring(0, colon));
        linkRef = Forms.clip(value.substring(colon + 1), 400);
        linkLabel = Forms.clip(label, 400);
    }

    void unlink() {
        linkKind = null;
        linkRef = null;
        linkLabel = null;
    }

    /** The link as the form's value ("KIND:reference"), or "". */
    String linkValue() {
        return linkKind == null ? "" : linkKind.name() + ":" + linkRef;
    }

    public static List<RetroItem> listFor(Retrospective retro) {
        return list("retrospective = ?1 order by createdAt, id", retro);
    }

    public static RetroItem findIn(Retrospective retro, UUID id) {
        return find("id = ?1 and retrospective = ?2", id, retro).firstResult();
    }

    /** What the partner wrote through one link, oldest first. */
    public static List<RetroItem> listBy(PartnerLink link) {
        return list("partnerLink = ?1 order by createdAt, id", link);
    }
}
