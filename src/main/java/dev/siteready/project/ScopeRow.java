package dev.siteready.project;

import dev.siteready.catalog.DataModel;
import dev.siteready.catalog.DataModelEvent;
import dev.siteready.tenant.WorkspaceOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;

import java.util.LinkedHashSet;
import java.util.Set;

/** One data model of a project's scope: its event types, direction, connection method and volume. */
@Entity
public class ScopeRow extends WorkspaceOwned {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "project_id", nullable = false, updatable = false)
    public Project project;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "data_model_id", nullable = false)
    public DataModel model;

    @ManyToMany(fetch = FetchType.LAZY)
    @JoinTable(name = "scope_row_event", joinColumns = @JoinColumn(name = "scope_row_id"),
            inverseJoinColumns = @JoinColumn(name = "event_id"))
    public Set<DataModelEvent> events = new LinkedHashSet<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    public Direction direction;

    @Enumerated(EnumType.STRING)
    @Column(name = "connection_method", nullable = false, length = 20)
    public ConnectionMethod connectionMethod;

    @Column(name = "messages_per_day")
    public Integer messagesPerDay;

    @Column(name = "peak_per_hour")
    public Integer peakPerHour;

    @Column(nullable = false)
    public int position;
}
