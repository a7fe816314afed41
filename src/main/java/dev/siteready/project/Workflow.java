package dev.siteready.project;

import dev.siteready.tenant.WorkspaceOwned;
import dev.siteready.tenant.WorkspaceSql;
import dev.siteready.web.Names;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
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
    @Convert(converter = Names.Nfc.class)
    public String name;

    @Column(nullable = false, length = 4000)
    public String description = "";

    @Column(nullable = false)
    public int position;

    /** Whether the project has a workflow of this name (in any case, in NFC, without surrounding spaces). */
    public static boolean nameTaken(Project project, String name) {
        return count("project = ?1 and lower(name) = lower(?2)", project, Names.normalize(name)) > 0;
    }

    /** The project's workflows in their order. */
    public static java.util.List<Workflow> listFor(Project project) {
        return WorkspaceSql.list(WorkspaceSql.entities("SELECT w.* FROM workflow w WHERE w.workspace_id = :ws"
                + " AND w.project_id = :project ORDER BY w.position, w.name", Workflow.class).setParameter("project", project.id),
                Workflow.class);
    }
}
