package dev.siteready.feasibility;

import dev.siteready.site.Site;
import dev.siteready.versioning.PublishedVersion;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A published, dated copy of a site's feasibility summary, to share; never changes (a trigger refuses it too). */
@Entity
@Immutable
@Table(name = "feasibility_snapshot")
public class FeasibilitySnapshot extends PublishedVersion {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "site_id", nullable = false, updatable = false)
    public Site site;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30, updatable = false)
    public Verdict verdict;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, updatable = false, columnDefinition = "jsonb")
    public FeasibilityReport report;

    /** A snapshot as lists show it, without its report. */
    public record Line(UUID id, int number, Verdict verdict, String note, OffsetDateTime publishedAt, String publishedBy) {
    }

    /** This snapshot as lists show it. */
    public Line line() {
        return new Line(id, number, verdict, note, publishedAt, publishedBy);
    }

    public static List<Line> linesFor(UUID siteId, int limit) {
        return getEntityManager().createQuery("select new dev.siteready.feasibility.FeasibilitySnapshot$Line(s.id, s.number,"
                + " s.verdict, s.note, s.publishedAt, s.publishedBy) from FeasibilitySnapshot s where s.site.id = ?1"
                + " order by s.number desc", Line.class).setParameter(1, siteId).setMaxResults(limit).getResultList();
    }

    public static FeasibilitySnapshot findNumber(UUID siteId, int number) {
        return find("site.id = ?1 and number = ?2", siteId, number).firstResult();
    }

    public static FeasibilitySnapshot latest(UUID siteId) {
        return find("site.id = ?1 order by number desc", siteId).firstResult();
    }

    /** Publishes the site's report as its next snapshot. */
    public static FeasibilitySnapshot publish(Site site, FeasibilityReport report, String note, String by) {
        FeasibilitySnapshot snapshot = new FeasibilitySnapshot();
        snapshot.site = site;
        snapshot.report = report;
        snapshot.verdict = report.verdict();
        snapshot.publish("site", site.id, note, by);
        return snapshot;
    }
}
