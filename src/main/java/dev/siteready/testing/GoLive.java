package dev.siteready.testing;

import dev.siteready.scoping.AnswerSheet;
import dev.siteready.scoping.AnswerValues;
import dev.siteready.scoping.StandardQuestionnaire;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A project's go-live date, defined once: the test plan's go-live phase when it has a date (the actual date once it
 * passed, else the planned start), else the date the partner gave in the questionnaire. When both are known and
 * differ, both are kept so that every page showing the date says so.
 *
 * @param date the go-live date, or null when neither the plan nor the answer gives one
 * @param planned the test plan's date, or null
 * @param answered the questionnaire's date, or null
 */
public record GoLive(LocalDate date, LocalDate planned, LocalDate answered) {

    public static final GoLive NONE = new GoLive(null, null, null);

    public static GoLive of(LocalDate planned, LocalDate answered) {
        return new GoLive(planned != null ? planned : answered, planned, answered);
    }

    /** A project's go-live from its test plan and its questionnaire's answers (null while it has no questionnaire). */
    public static GoLive of(ProjectTesting testing, AnswerSheet answers) {
        String answer = answers == null ? null
                : AnswerValues.date(AnswerValues.text(answers.value(StandardQuestionnaire.TARGET_DATE, "")));
        return of(testing.plannedGoLive(), answer == null ? null : LocalDate.parse(answer));
    }

    /** The plan and the questionnaire give different dates. */
    public boolean disagrees() {
        return planned != null && answered != null && !planned.equals(answered);
    }

    /** The date as text (YYYY-MM-DD), or "". */
    public String text() {
        return date == null ? "" : date.toString();
    }

    /** What a page says beside the date when plan and answer differ, or "". */
    public String note() {
        return disagrees() ? "The test plan says " + planned + "; the questionnaire answer says " + answered + "." : "";
    }

    /**
     * A site's go-live: the earliest of its projects' dates; where any of them disagrees, the note names those projects.
     */
    public static Site earliest(Collection<Named> projects) {
        LocalDate date = projects.stream().map(p -> p.goLive().date()).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(null);
        List<String> notes = projects.stream().filter(p -> p.goLive().disagrees())
                .map(p -> (projects.size() == 1 ? "" : p.name() + ": ") + p.goLive().note()).toList();
        return new Site(date == null ? "" : date.toString(), String.join(" ", notes));
    }

    /** A project's go-live with the project's name, for a site's note. */
    public record Named(String name, GoLive goLive) {
    }

    /** A site's go-live date (or "") and the note where plan and answer disagree (or ""). */
    public record Site(String date, String note) {
    }
}
