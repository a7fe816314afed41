package dev.siteready.catalog;

import dev.siteready.tenant.WorkspaceOwned;
import dev.siteready.time.AppClock;
import dev.siteready.web.Names;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;

import java.time.OffsetDateTime;
import java.util.List;

/** An integration data model (e.g. Results), with its event types and fields. */
@Entity
public class DataModel extends WorkspaceOwned {

    @Column(nullable = false, length = 80)
    @Convert(converter = Names.Nfc.class)
    public String name;

    @Column(nullable = false, length = 2000)
    public String description = "";

    @Column(name = "built_in", nullable = false)
    public boolean builtIn;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt = AppClock.now();

    public static List<DataModel> listByName() {
        return list("order by lower(name)");
    }

    public static DataModel findByName(String name) {
        return find("lower(name) = lower(?1)", Names.normalize(name)).firstResult();
    }
}
