package dev.siteready.catalog;

import dev.siteready.tenant.WorkspaceOwned;
import dev.siteready.time.AppClock;
import dev.siteready.web.Names;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

import java.time.OffsetDateTime;
import java.util.List;

/** An event type of a data model (e.g. Results New). */
@Entity
public class DataModelEvent extends WorkspaceOwned {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "data_model_id", nullable = false, updatable = false)
    public DataModel model;

    @Column(nullable = false, length = 80)
    @Convert(converter = Names.Nfc.class)
    public String name;

    @Column(nullable = false, length = 2000)
    public String description = "";

    @Column(name = "built_in", nullable = false)
    public boolean builtIn;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt = AppClock.now();

    public static List<DataModelEvent> listAll() {
        return list("select e from DataModelEvent e join fetch e.model order by lower(e.model.name), e.createdAt, lower(e.name)");
    }

}
