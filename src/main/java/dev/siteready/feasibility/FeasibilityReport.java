package dev.siteready.feasibility;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.siteready.feasibility.Finding.Area;
import dev.siteready.feasibility.Finding.Effort;
import dev.siteready.feasibility.Finding.Status;
import dev.siteready.scoping.AnswerKey;
import dev.siteready.scoping.AnswerValues;
import dev.siteready.scoping.QuestionType;
import dev.siteready.scoping.QuestionnaireView.Progress;
import dev.siteready.scoping.StandardQuestionnaire;
import dev.siteready.testing.GoLive;
import dev.siteready.web.Dates;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The feasibility summary of one site across its projects: the verdict, every finding, the open follow-ups
 * and the scoping completion. Computed from the answers as they are now; a published snapshot keeps a copy
 * as JSON, read tolerantly (unknown fields ignored, missing lists empty).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FeasibilityReport(UUID siteId, String siteName, String ehrVendor, String generatedAt, Verdict verdict,
        int answered, int questions, String goLive, String goLiveNote, long messagesPerDay, List<ProjectLine> projects,
        List<Finding> findings, List<FollowUp> followUps, String timeZone) {

    public FeasibilityReport {
        ehrVendor = ehrVendor == null ? "" : ehrVendor;
        generatedAt = generatedAt == null ? "" : generatedAt;
        verdict = verdict == null ? Verdict.INCOMPLETE : verdict;
        goLive = goLive == null ? "" : goLive;
        goLiveNote = goLiveNote == null ? "" : goLiveNote;
        projects = projects == null ? List.of() : List.copyOf(projects);
        findings = findings == null ? List.of() : List.copyOf(findings);
        followUps = followUps == null ? List.of() : List.copyOf(followUps);
    }

    /**
     * A project's share of the summary: questionnaire completion, go-live date (see {@link GoLive}; the note says where
     * the test plan and the questionnaire disagree) and volume.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ProjectLine(UUID id, String name, int answered, int questions, String goLive, String goLiveNote,
            long messagesPerDay, String href) {
        public ProjectLine {
            goLive = goLive == null ? "" : goLive;
            goLiveNote = goLiveNote == null ? "" : goLiveNote;
        }

        public int percent() {
            return new Progress(answered, questions).percent();
        }
    }

    /** A question the partner still owes an answer to, or one flagged for follow-up. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FollowUp(UUID projectId, String projectName, String question, String reason, String href) {
    }

    /** Findings of one area, open ones first. */
    public record AreaGroup(Area area, List<Finding> findings) {
        public long open() {
            return findings.stream().filter(Finding::isOpen).count();
        }
    }

    /** How many work items of each size. */
    public record EffortRollup(long small, long medium, long large) {
        public long total() {
            return small + medium + large;
        }
    }

    public static FeasibilityReport of(UUID siteId, String siteName, String ehrVendor, String timeZone,
            List<ProjectFacts> projects, OffsetDateTime now) {
        List<Finding> findings = new ArrayList<>();
        List<FollowUp> followUps = new ArrayList<>();
        List<ProjectLine> lines = new ArrayList<>();
        List<GoLive.Named> goLives = new ArrayList<>();
        int answered = 0;
        int questions = 0;
        long volume = 0;
        if (projects.isEmpty()) {
            findings.addAll(FeasibilityRules.forSiteWithoutProjects(siteName));
        }
        for (ProjectFacts project : projects) {
            findings.addAll(FeasibilityRules.evaluate(project));
            Progress progress = FeasibilityRules.completion(project);
            answered += progress.answered();
            questions += progress.total();
            GoLive goLive = goLive(project);
            goLives.add(new GoLive.Named(project.projectName(), goLive));
            long daily = dailyVolume(project);
            volume += daily;
            lines.add(new ProjectLine(project.projectId(), project.projectName(), progress.answered(), progress.total(),
                    goLive.text(), goLive.note(), daily, project.projectHref()));
            followUps.addAll(followUps(project));
        }
        GoLive.Site site = GoLive.earliest(goLives);
        return new FeasibilityReport(siteId, siteName, ehrVendor, now.withNano(0).toString(), Verdict.of(findings), answered,
                questions, site.date(), site.note(), volume, lines, findings, followUps, timeZone);
    }

    /** The project's go-live: its test plan's, else the partner's answer (see {@link GoLive}). */
    static GoLive goLive(ProjectFacts project) {
        return GoLive.of(project.testing(), project.answers());
    }

    /** The partner's stated daily volume, or else the scope's estimate. */
    static long dailyVolume(ProjectFacts project) {
        if (project.hasQuestionnaire()) {
            BigDecimal stated = Evaluation.number(project.answers().value(StandardQuestionnaire.DAILY_VOLUME, ""));
            if (stated != null) {
                return stated.longValue();
            }
        }
        return project.rows().stream().mapToLong(r -> r.messagesPerDay() == null ? 0 : r.messagesPerDay()).sum();
    }

    private static List<FollowUp> followUps(ProjectFacts project) {
        List<FollowUp> found = new ArrayList<>();
        if (!project.hasQuestionnaire()) {
            return found;
        }
        FeasibilityRules.walk(project, (question, subject) -> {
            var value = project.answers().value(question.key(), subject.key());
            String reason = null;
            if (project.answers().needsFollowUp(question.key(), subject.key())) {
                reason = "Flagged for follow-up";
            } else if (question.required() && !AnswerValues.isAnswered(value)) {
                reason = "Unanswered";
            } else if (question.kind() == QuestionType.YES_NO_UNKNOWN && "UNKNOWN".equals(AnswerValues.text(value))) {
                reason = "Answered “Unknown”";
            }
            if (reason != null) {
                found.add(new FollowUp(project.projectId(), project.projectName(),
                        question.label().replace("{subject}", subject.label()), reason,
                        project.projectHref() + "/questionnaire#" + AnswerKey.of(question.key(), subject.key()).domId()));
            }
        });
        return found;
    }

    /** When it was computed, as people read it. */
    public String generatedAtText() {
        try {
            return Dates.at(OffsetDateTime.parse(generatedAt), timeZone);
        } catch (RuntimeException e) {
            return generatedAt;
        }
    }

    public int completionPercent() {
        return new Progress(answered, questions).percent();
    }

    public List<AreaGroup> areas() {
        Map<Area, List<Finding>> byArea = new LinkedHashMap<>();
        for (Area area : Area.values()) {
            byArea.put(area, new ArrayList<>());
        }
        findings.forEach(f -> byArea.get(f.area() == null ? Area.OPEN : f.area()).add(f));
        List<AreaGroup> groups = new ArrayList<>();
        byArea.forEach((area, list) -> {
            if (!list.isEmpty()) {
                list.sort(Comparator.comparing((Finding f) -> !f.isOpen()).thenComparing(f -> -f.severity().ordinal()));
                groups.add(new AreaGroup(area, list));
            }
        });
        return groups;
    }

    /** Findings that ask for work or warn (not met, not unknown), most severe first. */
    public List<Finding> workItems() {
        return findings.stream().filter(f -> f.status() == Status.WORK || f.status() == Status.WARNING || f.status() == Status.BLOCKED)
                .sorted(Comparator.comparing((Finding f) -> f.status() != Status.BLOCKED).thenComparing(f -> -f.severity().ordinal()))
                .toList();
    }

    public EffortRollup effort() {
        List<Finding> work = workItems();
        return new EffortRollup(work.stream().filter(f -> f.effort() == Effort.S).count(),
                work.stream().filter(f -> f.effort() == Effort.M).count(),
                work.stream().filter(f -> f.effort() == Effort.L).count());
    }

    /** One line, as an analyst would write it: "Feasible with work: 2 items (effort 1 M, 1 S); 1 open question." */
    public String headline() {
        return verdict.label + ": " + detail();
    }

    /** The headline without the verdict: "2 items (effort 1 M, 1 S); 1 open question." */
    public String detail() {
        List<Finding> work = workItems();
        EffortRollup effort = effort();
        StringBuilder line = new StringBuilder();
        if (!work.isEmpty()) {
            List<String> sizes = new ArrayList<>();
            if (effort.large() > 0) {
                sizes.add(effort.large() + " L");
            }
            if (effort.medium() > 0) {
                sizes.add(effort.medium() + " M");
            }
            if (effort.small() > 0) {
                sizes.add(effort.small() + " S");
            }
            line.append(work.size()).append(work.size() == 1 ? " item" : " items");
            if (!sizes.isEmpty()) {
                line.append(" (effort ").append(String.join(", ", sizes)).append(')');
            }
            line.append("; ");
        }
        line.append(followUps.isEmpty() ? "no" : String.valueOf(followUps.size()))
                .append(followUps.size() == 1 ? " open question." : " open questions.");
        return line.toString();
    }
}
