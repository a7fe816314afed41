package dev.siteready.project;

import dev.siteready.site.Site;
import dev.siteready.tenant.WorkspaceOwned;
import dev.siteready.time.AppClock;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.ws.rs.NotFoundException;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * One integration project at a site; a site may have several over time (e.g. a second one adding data
 * models after the first went live). Its scope: rows, requirements and workflows.
 */
@Entity
public class Project extends WorkspaceOwned {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "site_id", nullable = false, updatable = false)
    public Site site;

    @Column(nullable = false, length = 160)
    public String name;

    @Column(nullable = false, length = 4000)
    public String description = "";

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt = AppClock.now();

    /** A new project at the site; its scope starts empty. */
    public static Project create(Site site, String name, String description) {
        Project project = new Project();
        project.site = site;
        project.name = name.trim();
        project.description = description == null ? "" : description.trim();
        project.persist();
        return project;
    }

    public static List<Project> listFor(Site site) {
        return list("site = ?1 order by createdAt, id", site);
    }

    /** The project, only if it belongs to that site (and so to this workspace); otherwise 404. */
    public static Project require(UUID siteId, UUID projectId) {
        Project project = siteId == null || projectId == null ? null : findAt(siteId, projectId);
        if (project == null) {
            throw new NotFoundException();
        }
        return project;
    }

    /** The project of this workspace with its site, by id alone (the API's routes); otherwise 404. */
    public static Project requireWithSite(UUID projectId) {
        Project project = projectId == null ? null : findWithSite(projectId);
        if (project == null) {
            throw new NotFoundException();
        }
        return project;
    }

    /** The project with its site, by id alone (the API's routes), or null. */
    public static Project findWithSite(UUID projectId) {
        return find("from Project p join fetch p.site where p.id = ?1", projectId).firstResult();
    }

    /** The project, only if it belongs to that site (and so to this workspace). */
    public static Project findAt(UUID siteId, UUID projectId) {
        return find("from Project p join fetch p.site s where p.id = ?1 and s.id = ?2", projectId, siteId).firstResult();
    }
}
