package dev.siteready.testing;

import dev.siteready.project.Project;
import dev.siteready.project.Workflow;
import dev.siteready.testing.ScriptPage.RunView;
import dev.siteready.web.Dates;
import dev.siteready.web.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** A test script's page: as saved, with its script form or its template form refused. */
final class TestScriptPages {

    /** Empty step rows below the script's steps, for adding steps without JavaScript. */
    static final int BLANK_ROWS = 3;

    private TestScriptPages() {
    }

    static ScriptPage page(TestScript script) {
        return page(script, null, null, null, null);
    }

    /** The page with the script's form as typed and why it was not saved. */
    static ScriptPage refused(TestScript script, ScriptForm typed, String problem) {
        return page(script, typed, problem, null, null);
    }

    /** The page with the template form as typed and why it was not saved. */
    static ScriptPage refusedTemplate(TestScript script, ScriptTemplateForm typed, String problem) {
        return page(script, null, null, typed.name(), problem);
    }

    private static ScriptPage page(TestScript script, ScriptForm typed, String problem, String templateName, String templateProblem) {
        Project project = script.project;
        String chosen = typed != null ? typed.workflow() : script.workflow == null ? "" : script.workflow.id.toString();
        List<Option> workflows = Workflow.listFor(project).stream()
                .map(w -> new Option(w.id.toString(), w.name, w.id.toString().equals(chosen))).toList();
        List<StepInput> steps = new ArrayList<>(typed != null ? typed.rows()
                : script.steps.stream().map(s -> new StepInput(s.action(), s.expected())).toList());
        for (int i = 0; i < BLANK_ROWS; i++) {
            steps.add(new StepInput("", ""));
        }
        return new ScriptPage(project.site.id, project.site.name, project.id, project.name, TestingPaths.testing(project),
                script.id, typed != null ? typed.name() : script.name, typed != null ? typed.description() : script.description,
                chosen, script.workflow == null ? "" : script.workflow.name, script.version, workflows, steps,
                runs(script, project.site.timeZone), problem, templateName != null ? templateName : script.name, templateProblem);
    }

    private static List<RunView> runs(TestScript script, String siteZone) {
        Map<UUID, Long> openPerRun = TestIssue.<TestIssue>list("run.script = ?1 and status in ?2", script,
                List.of(TestIssue.Status.OPEN, TestIssue.Status.IN_PROGRESS)).stream()
                .collect(Collectors.groupingBy(i -> i.run.id, Collectors.counting()));
        return TestRun.<TestRun>list("script = ?1 order by number desc", script).stream()
                .map(r -> new RunView(r.id, r.number, r.status.label, r.status.cssClass(), r.startedBy + ", "
                        + Dates.at(r.startedAt, siteZone), r.finishedAt == null ? "" : r.finishedBy + ", "
                        + Dates.at(r.finishedAt, siteZone), openPerRun.getOrDefault(r.id, 0L))).toList();
    }
}
