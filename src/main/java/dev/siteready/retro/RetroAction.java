package dev.siteready.retro;

import dev.siteready.tenant.WorkspaceOwned;
import dev.siteready.time.AppClock;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/** Something to do because of the retrospective: who does it, by when, and whether it is done. */
@Entity
@Table(name = "retro_action")
public class RetroAction extends WorkspaceOwned {

    public static final int MAX_TITLE = 300;

    public enum Status {
        OPEN("Open"),
        DONE("Done"),
        DROPPED("Dropped");

        public final String label;

        Status(String label) {
            this.label = label;
        }

        public String cssClass() {
            return "action-" + name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Status parse(String value) {
            for (Status s : values()) {
                if (s.name().equals(value)) {
                    return s;
                }
            }
            return null;
        }
    }

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "retrospective_id", nullable = false, updatable = false)
    public Retrospective retrospective;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "item_id")
    public RetroItem item;

    @Column(nullable = false, length = MAX_TITLE)
    public String title;

    @Column(nullable = false, length = 120)
    public String owner;

    @Column(name = "due_on")
    public LocalDate dueOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    public Status status = Status.OPEN;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt = AppClock.now();

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt = AppClock.now();

    static RetroAction add(Retrospective retro, String title, String owner, LocalDate dueOn, RetroItem item) {
        RetroAction action = new RetroAction();
        action.retrospective = retro;
        action.title = title;
        action.owner = owner;
        action.dueOn = dueOn;
        action.item = item;
        action.persist();
        return action;
    }

    /** Marks it open, done or dropped. */
    void moveTo(Status next) {
        status = next;
        updatedAt = AppClock.now();
    }

    /** Still open after its due date (the day as it is in the zone given, the site's). */
    boolean overdue(ZoneId zone) {
        return status == Status.OPEN && dueOn != null && dueOn.isBefore(AppClock.today(zone));
    }

    public static List<RetroAction> listFor(Retrospective retro) {
        return list("retrospective = ?1 order by createdAt, id", retro);
    }

    public static RetroAction findIn(Retrospective retro, java.util.UUID id) {
        return find("id = ?1 and retrospective = ?2", id, retro).firstResult();
    }
}
