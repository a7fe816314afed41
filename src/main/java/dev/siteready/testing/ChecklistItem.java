package dev.siteready.testing;

import dev.siteready.catalog.DataModelEvent;
import dev.siteready.project.Direction;
import dev.siteready.project.Project;
import dev.siteready.tenant.WorkspaceOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * "Exchange at least one message" for one event type in one direction of the project's scope. Created and marked
 * out of scope by {@link Checklist#sync}; its evidence is a reference (control ID, platform log id, note), never
 * the message itself.
 */
@Entity
@Table(name = "checklist_item")
public class ChecklistItem extends WorkspaceOwned {

    public static final int MAX_CONTROL_ID = 100;
    public static final int MAX_LOG_ID = 200;
    public static final int MAX_NOTE = 1000;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "project_id", nullable = false, updatable = false)
    public Project project;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "event_id", nullable = false, updatable = false)
    public DataModelEvent event;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10, updatable = false)
    public Direction direction;

    @Column(name = "in_scope", nullable = false)
    public boolean inScope = true;

    @Column(name = "out_of_scope_since")
    public OffsetDateTime outOfScopeSince;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    public TestResult result = TestResult.NOT_RUN;

    @Column(name = "control_id", nullable = false, length = MAX_CONTROL_ID)
    public String controlId = "";

    @Column(name = "log_id", nullable = false, length = MAX_LOG_ID)
    public String logId = "";

    @Column(nullable = false, length = MAX_NOTE)
    public String note = "";

    @Column(name = "recorded_by", length = 200)
    public String recordedBy;

    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;

    /** Records the item's result with its evidence, by whom and when. */
    public void record(TestResult result, String controlId, String logId, String note, String by, OffsetDateTime at) {
        this.result = result;
        this.controlId = controlId;
        this.logId = logId;
        this.note = note;
        recordedBy = by;
        recordedAt = at;
    }

    /** "Order · New (outbound)". */
    String describe() {
        return event.model.name + " · " + event.name + " (" + direction.label.toLowerCase() + ")";
    }

    /** The project's items with their event and data model, ordered by model, event and direction, in one query. */
    public static List<ChecklistItem> listFor(Project project) {
        return find("from ChecklistItem c join fetch c.event e join fetch e.model m where c.project = ?1"
                + " order by lower(m.name), lower(e.name), c.direction", project).list();
    }
}
