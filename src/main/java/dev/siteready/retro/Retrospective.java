package dev.siteready.retro;

import dev.siteready.project.Project;
import dev.siteready.tenant.WorkspaceOwned;
import dev.siteready.time.AppClock;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A project's look back after go-live (or earlier, if the team wants): one per project. */
@Entity
public class Retrospective extends WorkspaceOwned {

    public static final int MAX_SUMMARY = 20_000;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "project_id", nullable = false, updatable = false)
    public Project project;

    @Column(name = "held_on")
    public LocalDate heldOn;

    /** Markdown, as typed. */
    @Column(nullable = false, columnDefinition = "text")
    public String summary = "";

    @Column(name = "created_by", nullable = false, length = 200, updatable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt = AppClock.now();

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt = AppClock.now();

    void edit(LocalDate heldOn, String summary) {
        this.heldOn = heldOn;
        this.summary = summary.strip();
        touch();
    }

    /** Something was added to it (the partner's notes count as a change of the retrospective). */
    void touch() {
        updatedAt = AppClock.now();
    }

    public static Retrospective of(Project project) {
        return find("project = ?1", project).firstResult();
    }

    /** The retrospective with its project and site, in one query, or null. */
    public static Retrospective withProject(UUID id) {
        return find("from Retrospective r join fetch r.project p join fetch p.site where r.id = ?1", id).firstResult();
    }

    public String path() {
        return path(project);
    }

    /** Where a project's retrospective is, started or not. */
    public static String path(Project project) {
        return "/sites/" + project.site.id + "/projects/" + project.id + "/retrospective";
    }
}
