package dev.siteready.testing;

import dev.siteready.profiling.SeenInSamples;
import dev.siteready.web.Dates;
import dev.siteready.web.Option;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A checklist item as its row shows it: the saved result, and the form (as saved, or as typed when refused). */
record ChecklistItemView(UUID id, String action, long version, String model, String event, String direction,
        String result, String resultLabel, String resultClass, String controlId, String logId, String note,
        String recorded, String outOfScopeSince, List<Option> results, String problem, String seenInSamples) {

    /**
     * The item; typed and problem are those of its refused form, or null. seen: what the project's sample messages
     * showed, by {@link SeenInSamples#key}.
     */
    static ChecklistItemView of(ChecklistItem c, ChecklistResultForm typed, String problem, Map<String, String> seen,
            String siteZone) {
        String result = typed == null ? c.result.name() : typed.result();
        return new ChecklistItemView(c.id, TestingPaths.testing(c.project) + "/checklist/" + c.id, c.version, c.event.model.name,
                c.event.name, c.direction.label, result, c.result.label, c.result.cssClass(),
                typed == null ? c.controlId : typed.controlId(), typed == null ? c.logId : typed.logId(),
                typed == null ? c.note : typed.note(),
                c.recordedAt == null ? "" : c.recordedBy + ", " + Dates.at(c.recordedAt, siteZone),
                c.outOfScopeSince == null ? "" : Dates.at(c.outOfScopeSince, siteZone),
                Arrays.stream(TestResult.values()).map(r -> new Option(r.name(), r.label, r.name().equals(result))).toList(), problem,
                seen.get(SeenInSamples.key(c.event.model.name, c.event.name)));
    }

    /** "Control ID MSG1 · Log rdx-7 · note", for the CSV export. */
    String evidence() {
        return String.join(" · ", java.util.stream.Stream.of(controlId.isEmpty() ? "" : "Control ID " + controlId,
                logId.isEmpty() ? "" : "Log " + logId, note).filter(s -> !s.isEmpty()).toList());
    }
}
