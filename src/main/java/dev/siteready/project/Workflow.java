package dev.siteready.project;

import dev.siteready.tenant.WorkspaceOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/** A named end-to-end workflow the integration must support, e.g. "Order placed → result filed". */
@Entity
public class Workflow extends WorkspaceOwned {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "project_id", nullable = false, updatable = false)
    public Project project;

    @Column(nullable = false, length = 200)
    public String name;

    @Column(nullable = false, length = 4000)
    public String description = "";

    @Column(nullable = false)
    public int position;

    /** The project's workflows in their order. */
    public static java.util.List<Workflow> listFor(Project project) {
        return list("project = ?1 order by position, name", project);
    }
}
