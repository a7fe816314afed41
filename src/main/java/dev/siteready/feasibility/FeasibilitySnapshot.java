package dev.siteready.feasibility;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import dev.siteready.site.Site;
import dev.siteready.tenant.WorkspaceOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A published, dated copy of a site's feasibility summary, to share; never changes (a trigger refuses it too). */
@Entity
@Immutable
@Table(name = "feasibility_snapshot")
public class FeasibilitySnapshot extends WorkspaceOwned {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "site_id", nullable = false, updatable = false)
    public Site site;

    @Column(nullable = false, updatable = false)
    public int number;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30, updatable = false)
    public Verdict verdict;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, updatable = false, columnDefinition = "jsonb")
    public FeasibilityReport report;

    @Column(nullable = false, length = 500, updatable = false)
    public String note = "";

    @Column(name = "published_at", nullable = false, updatable = false)
    public OffsetDateTime publishedAt = OffsetDateTime.now();

    @Column(name = "published_by", nullable = false, length = 200, updatable = false)
    public String publishedBy;

    /** A snapshot as lists show it, without its report. */
    public record Line(UUID id, int number, Verdict verdict, String note, OffsetDateTime publishedAt, String publishedBy) {
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

    public static int nextNumber(UUID siteId) {
        Integer max = getEntityManager().createQuery("select max(s.number) from FeasibilitySnapshot s where s.site.id = ?1",
                Integer.class).setParameter(1, siteId).getSingleResult();
        return max == null ? 1 : max + 1;
    }
}
