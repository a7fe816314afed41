package dev.siteready.feasibility;

import static dev.siteready.feasibility.Evaluation.number;
import static dev.siteready.feasibility.FeasibilityRules.HIGH_PEAK_PER_HOUR;
import static dev.siteready.feasibility.FeasibilityRules.PEAK;
import static dev.siteready.feasibility.FeasibilityRules.VOLUME;

import dev.siteready.feasibility.Finding.Source;
import dev.siteready.scoping.StandardQuestionnaire;
import dev.siteready.scoping.Subjects.Subject;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Volume: VOL-1 (expected daily volume) and VOL-2 (peak capacity). */
final class VolumeChecks {

    private VolumeChecks() {
    }

    static void volume(Evaluation e) {
        Subject none = Subject.NONE;
        List<Source> sources = List.of(e.question(StandardQuestionnaire.DAILY_VOLUME, none));
        if (!e.notAsked(VOLUME, StandardQuestionnaire.DAILY_VOLUME, none, sources)) {
            BigDecimal daily = number(e.value(StandardQuestionnaire.DAILY_VOLUME, none));
            long estimate = e.facts.rows().stream().mapToLong(r -> r.messagesPerDay() == null ? 0 : r.messagesPerDay()).sum();
            if (daily == null) {
                e.add(VOLUME, "unknown", none, Map.of(), sources);
            } else {
                e.add(VOLUME, "met", none, Map.of("daily", format(daily),
                        "estimate", estimate == 0 ? "no volume" : String.format("%,d", estimate)), sources);
            }
        }
        BigDecimal peak = e.asks(StandardQuestionnaire.PEAK_VOLUME) ? number(e.value(StandardQuestionnaire.PEAK_VOLUME, none)) : null;
        if (peak != null) {
            e.add(PEAK, peak.compareTo(BigDecimal.valueOf(HIGH_PEAK_PER_HOUR)) > 0 ? "high" : "met", none,
                    Map.of("peak", format(peak)), List.of(e.question(StandardQuestionnaire.PEAK_VOLUME, none)));
        }
    }

    private static String format(BigDecimal n) {
        return n.scale() <= 0 ? String.format("%,d", n.toBigInteger()) : n.toPlainString();
    }
}
