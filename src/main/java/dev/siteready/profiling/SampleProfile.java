package dev.siteready.profiling;

import dev.siteready.project.Project;
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
import jakarta.ws.rs.NotFoundException;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The profile of one set of sample messages for a project: aggregates only (see {@link ProfileData}). */
@Entity
@Table(name = "sample_profile")
public class SampleProfile extends WorkspaceOwned {

    public enum Source { PAGE, API }

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "project_id", nullable = false, updatable = false)
    public Project project;

    @Column(nullable = false, length = 20, updatable = false)
    public String format;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10, updatable = false)
    public Source source;

    @Column(name = "message_count", nullable = false, updatable = false)
    public int messageCount;

    @Column(name = "failed_count", nullable = false, updatable = false)
    public int failedCount;

    @Column(name = "input_bytes", nullable = false, updatable = false)
    public int inputBytes;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb", updatable = false)
    public ProfileData data;

    @Column(name = "created_by", nullable = false, length = 200, updatable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt = AppClock.now();

    /** How many of a project's profiles the page and the API list. */
    public static final int LISTED = 20;

    /** The project's profiles, newest first. */
    public static List<SampleProfile> listFor(Project project, int limit) {
        return find("project = ?1 order by createdAt desc, id", project).page(0, limit).list();
    }

    /** The project's {@link #LISTED} newest profiles. */
    public static List<SampleProfile> latestFor(Project project) {
        return listFor(project, LISTED);
    }

    public static SampleProfile findFor(Project project, UUID id) {
        return find("id = ?1 and project = ?2", id, project).firstResult();
    }

    /** The profile of the project, or 404. */
    public static SampleProfile require(Project project, UUID id) {
        SampleProfile profile = id == null ? null : findFor(project, id);
        if (profile == null) {
            throw new NotFoundException();
        }
        return profile;
    }

    /** The project's sample messages page; a profile's page is this with "/" and its id. */
    public static String path(Project project) {
        return "/sites/" + project.site.id + "/projects/" + project.id + "/samples";
    }
}
