package dev.siteready.testing;

import dev.siteready.project.Project;
import dev.siteready.tenant.WorkspaceOwned;
import dev.siteready.time.AppClock;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.OffsetDateTime;
import java.util.List;

/** One line of a project's testing history, in words. */
@Entity
@Immutable
@Table(name = "testing_activity")
public class TestingActivity extends WorkspaceOwned {

    public static final int MAX_SUMMARY = 500;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "project_id", nullable = false, updatable = false)
    public Project project;

    @Column(nullable = false)
    public OffsetDateTime at = AppClock.now();

    @Column(nullable = false, length = 200)
    public String actor;

    @Column(nullable = false, length = MAX_SUMMARY)
    public String summary;

    public static void record(Project project, String actor, String summary) {
        TestingActivity a = new TestingActivity();
        a.project = project;
        a.actor = actor.length() > 200 ? actor.substring(0, 200) : actor;
        a.summary = dev.siteready.web.Forms.clip(summary, MAX_SUMMARY);
        a.persist();
    }

    public static List<TestingActivity> recentFor(Project project, int max) {
        return find("project = ?1 order by at desc, id", project).page(0, max).list();
    }
}
