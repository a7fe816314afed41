package dev.siteready.testing;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A project's phases on a date axis, laid out for a server-rendered SVG: per phase a planned bar (outline) and
 * an actual bar (filled; up to today while in progress), a tick per week or month, and a line for today.
 */
record Timeline(int width, int height, List<Lane> lanes, List<Tick> ticks, Integer todayX, String summary) {

    static final int LABEL = 190;
    static final int WIDTH = 760;
    static final int LANE = 34;
    static final int TOP = 26;
    static final int MAX_TICKS = 12;

    public record Lane(String label, String status, String cssClass, int y, Bar planned, Bar actual) {
    }

    public record Bar(int x, int width, String title) {
    }

    public record Tick(int x, String label) {
    }

    /** Where bars start: after the phase names. */
    public int axisStart() {
        return LABEL;
    }

    public boolean empty() {
        return lanes.stream().allMatch(l -> l.planned() == null && l.actual() == null);
    }

    public static Timeline of(List<TestPhase> phases, LocalDate today) {
        List<LocalDate> dates = phases.stream()
                .flatMap(p -> Stream.of(p.plannedStart, p.plannedEnd, p.actualStart, p.actualEnd))
                .filter(Objects::nonNull).toList();
        LocalDate first = Stream.concat(dates.stream(), Stream.of(today)).min(LocalDate::compareTo).orElse(today);
        LocalDate last = Stream.concat(dates.stream(), Stream.of(today)).max(LocalDate::compareTo).orElse(today);
        first = first.minusDays(3);
        last = last.plusDays(3);
        long days = Math.max(14, ChronoUnit.DAYS.between(first, last));
        last = first.plusDays(days);
        double perDay = (double) (WIDTH - LABEL - 10) / days;
        LocalDate origin = first;
        java.util.function.ToIntFunction<LocalDate> x = d -> LABEL + (int) Math.round(ChronoUnit.DAYS.between(origin, d) * perDay);

        List<Lane> lanes = new ArrayList<>();
        int y = TOP;
        for (TestPhase p : phases) {
            Bar planned = bar(p.plannedStart, p.plannedEnd, null, x, "Planned");
            LocalDate actualEnd = p.actualEnd != null ? p.actualEnd
                    : p.actualStart != null && p.status == TestPhase.Status.IN_PROGRESS ? today : null;
            Bar actual = bar(p.actualStart, actualEnd, p.status == TestPhase.Status.IN_PROGRESS ? "so far" : null, x, "Actual");
            lanes.add(new Lane(p.kind.label, p.status.label, p.status.cssClass(), y, planned, actual));
            y += LANE;
        }
        List<Tick> ticks = new ArrayList<>();
        boolean weekly = days <= 120;
        LocalDate tick = weekly ? first.plusDays((8 - first.getDayOfWeek().getValue()) % 7) : first.withDayOfMonth(1).plusMonths(1);
        long months = ChronoUnit.MONTHS.between(first, last) + 1;
        long everyMonths = Math.max(1, (months + MAX_TICKS - 1) / MAX_TICKS); // at most MAX_TICKS labels, however long
        DateTimeFormatter format = DateTimeFormatter.ofPattern(weekly ? "d MMM" : "MMM yyyy", Locale.ENGLISH);
        while (!tick.isAfter(last)) {
            ticks.add(new Tick(x.applyAsInt(tick), tick.format(format)));
            tick = weekly ? tick.plusWeeks(days > 60 ? 2 : 1) : tick.plusMonths(everyMonths);
        }
        String summary = "Timeline from " + first.plusDays(3) + " to " + last.minusDays(3) + "; today is " + today + ".";
        return new Timeline(WIDTH, y + 8, lanes, ticks, x.applyAsInt(today), summary);
    }

    private static Bar bar(LocalDate start, LocalDate end, String suffix, java.util.function.ToIntFunction<LocalDate> x, String what) {
        if (start == null && end == null) {
            return null;
        }
        LocalDate from = start != null ? start : end;
        LocalDate to = end != null ? end : start;
        int left = x.applyAsInt(from);
        int width = Math.max(12, x.applyAsInt(to.plusDays(1)) - left); // a one-day phase stays visible
        String title = what + ": " + from + (to.equals(from) ? "" : " to " + to) + (suffix == null ? "" : " (" + suffix + ")");
        return new Bar(left, width, title);
    }
}
