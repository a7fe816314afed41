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

/** A field of a data model, by path (e.g. Orders[].Results[].Code). Projects require fields from these. */
@Entity
public class DataModelField extends WorkspaceOwned {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "data_model_id", nullable = false, updatable = false)
    public DataModel model;

    @Column(nullable = false, length = 300)
    @Convert(converter = Names.Nfc.class)
    public String path;

    @Column(nullable = false, length = 40)
    public String type;

    @Column(nullable = false, length = 2000)
    public String description = "";

    @Column(name = "built_in", nullable = false)
    public boolean builtIn;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt = AppClock.now();

    public static List<DataModelField> listAll() {
        return list("select f from DataModelField f join fetch f.model order by lower(f.model.name), f.path");
    }

}
