package dev.siteready.time;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The one clock SiteReady reads the time from: the system clock in UTC. Beans inject {@link Clock}; entities'
 * timestamps and static helpers, which cannot be injected, call {@link #now()} and {@link #today(ZoneId)}, which read
 * the same bean. Tests replace the bean with one they can pin to any instant (a {@code Clock} bean in src/test
 * overrides this default), so every decision about "now" and "today" can be tested at any hour.
 *
 * <p>A day (overdue, today's line on a timeline, "live for 14 days") is decided in the site's zone where a site is
 * known, in UTC otherwise: {@code today(Dates.zone(site.timeZone))}.
 */
@Singleton
public class AppClock {

    @Produces
    @Singleton
    @DefaultBean
    Clock system() {
        return Clock.systemUTC();
    }

    /** The application's clock: the bean when the application runs, the system clock in UTC before it does. */
    public static Clock clock() {
        ArcContainer container = Arc.container();
        return container == null || !container.isRunning() ? Clock.systemUTC() : container.instance(Clock.class).get();
    }

    /** Now, in UTC. */
    public static OffsetDateTime now() {
        return OffsetDateTime.now(clock()).withOffsetSameInstant(ZoneOffset.UTC);
    }

    /** Today in the zone: the site's wherever a site is known, UTC otherwise. */
    public static LocalDate today(ZoneId zone) {
        return LocalDate.now(clock().withZone(zone));
    }
}
