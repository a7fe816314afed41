package dev.siteready.support;

import io.quarkus.arc.Arc;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;

/**
 * Counts the SQL statements Hibernate prepares while some work runs (Hibernate statistics are on in the
 * test profile). Tests run one at a time, so the difference belongs to the measured request.
 */
public final class SqlStatements {

    private SqlStatements() {
    }

    public static long countDuring(Runnable work) {
        Statistics statistics = Arc.container().instance(SessionFactory.class).get().getStatistics();
        long before = statistics.getPrepareStatementCount();
        work.run();
        return statistics.getPrepareStatementCount() - before;
    }
}
