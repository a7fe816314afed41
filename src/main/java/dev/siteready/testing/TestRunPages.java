package dev.siteready.testing;

import dev.siteready.project.Project;
import dev.siteready.testing.RunPage.StepView;
import dev.siteready.web.Dates;
import dev.siteready.web.Forms;
import dev.siteready.web.Option;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A run's page, for the run's resource and for an issue update refused on it; the step alone for htmx. */
final class TestRunPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance run(RunPage page);

        static native TemplateInstance run$step(RunPage page, StepView step);
    }

    /** A refused form of the run page: a step's result, a new issue, or an issue's update. */
    private record Refused(UUID stepId, StepResultForm step, NewIssueForm issue, IssueView.IssueEdit edit, String problem) {
        static final Refused NONE = new Refused(null, null, null, null, null);
    }

    private TestRunPages() {
    }

    static TemplateInstance run(TestRun run) {
        return Templates.run(page(run, Refused.NONE));
    }

    static TemplateInstance withStep(TestRun run, UUID stepId, StepResultForm typed, String problem, boolean fragment) {
        RunPage page = page(run, new Refused(stepId, typed, null, null, problem));
        return fragment ? Templates.run$step(page, page.step(stepId)) : Templates.run(page);
    }

    /** The step as saved, alone; flushed first, so that its form carries the new version. */
    static TemplateInstance step(TestRun run, UUID stepId) {
        TestRunStep.flush();
        RunPage page = page(run, Refused.NONE);
        return Templates.run$step(page, page.step(stepId));
    }

    static TemplateInstance withNewIssue(TestRun run, NewIssueForm typed, String problem) {
        return Templates.run(page(run, new Refused(null, null, typed, null, problem)));
    }

    static TemplateInstance withIssueEdit(TestRun run, IssueView.IssueEdit edit) {
        return Templates.run(page(run, new Refused(null, null, null, edit, null)));
    }

    private static RunPage page(TestRun run, Refused refused) {
        Project project = run.project;
        String siteZone = project.site.timeZone;
        List<TestRunStep> steps = TestRunStep.listFor(run);
        List<TestIssue> issues = TestIssue.find("from TestIssue i left join fetch i.step where i.run = ?1 order by i.number desc", run).list();
        NewIssueForm input = refused.issue() != null ? refused.issue() : NewIssueForm.EMPTY;
        return new RunPage(project.site.id, project.site.name, project.id, project.name, TestingPaths.testing(project), run.id,
                run.number, run.script.id, run.script.name, run.script.workflow == null ? "" : run.script.workflow.name,
                run.status.label, run.status.cssClass(), run.inProgress(), run.startedBy + ", " + Dates.at(run.startedAt, siteZone),
                run.finishedAt == null ? "" : run.finishedBy + ", " + Dates.at(run.finishedAt, siteZone),
                steps.stream().map(s -> s.id.equals(refused.stepId()) ? stepView(s, refused.step(), refused.problem(), siteZone)
                        : stepView(s, null, null, siteZone)).toList(),
                issues.stream().map(i -> IssueView.of(i, refused.edit(), siteZone)).toList(),
                Arrays.stream(TestIssue.Severity.values()).map(v -> new Option(v.name(), v.label, v.name().equals(input.severity()))).toList(),
                Arrays.stream(TestIssue.Side.values()).map(v -> new Option(v.name(), v.label, v.name().equals(input.side()))).toList(),
                steps.stream().map(s -> new Option(s.id.toString(), "Step " + s.number() + ": " + Forms.clip(s.action, 60),
                        s.id.toString().equals(input.step()))).toList(),
                input, refused.issue() != null ? refused.problem() : null,
                run.inProgress() ? run.passBlockedBy(steps, issues) : null);
    }

    private static StepView stepView(TestRunStep s, StepResultForm typed, String problem, String siteZone) {
        String chosen = typed != null ? typed.result() : s.result.name();
        return new StepView(s.id, s.number(), s.action, s.expected, chosen, s.result.label, s.result.cssClass(),
                typed != null ? typed.note() : s.note, s.recordedAt == null ? "" : s.recordedBy + ", " + Dates.at(s.recordedAt, siteZone),
                s.version, Arrays.stream(TestResult.values()).filter(r -> r != TestResult.NOT_RUN)
                        .map(r -> new Option(r.name(), r.label, r.name().equals(chosen))).toList(), problem);
    }

}
