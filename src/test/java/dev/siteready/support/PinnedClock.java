package dev.siteready.support;

import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The application's clock in tests (this bean replaces the default {@code AppClock} one): the system clock until a
 * test pins it. Pinned, it starts at the instant given and runs on at the real pace, so what a test saves keeps its
 * order; pick instants a few minutes away from the boundary they test. A test that pins it injects it and calls
 * {@link #reset()} after each test. Only test code can reach it.
 */
@Singleton
public class PinnedClock extends Clock {

    private record Pin(Instant at, long nanos) {
    }

    private volatile Pin pin;

    /** From now on the app's clock reads this instant, running on from it. */
    public void pin(Instant at) {
        pin = new Pin(at, System.nanoTime());
    }

    /** Back to the system clock. */
    public void reset() {
        pin = null;
    }

    /** Today in the zone by the app's clock, as the app decides it for a site in that zone. */
    public LocalDate today(ZoneId zone) {
        return LocalDate.ofInstant(instant(), zone);
    }

    @Override
    public Instant instant() {
        Pin current = pin;
        return current == null ? Instant.now() : current.at().plus(Duration.ofNanos(System.nanoTime() - current.nanos()));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        PinnedClock outer = this;
        return new Clock() {
            @Override
            public Instant instant() {
                return outer.instant();
            }

            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return outer.withZone(other);
            }
        };
    }
}
