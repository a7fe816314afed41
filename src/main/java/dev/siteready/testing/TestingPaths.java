package dev.siteready.testing;

import dev.siteready.project.Project;

/** Where a project's testing pages are. */
final class TestingPaths {

    private TestingPaths() {
    }

    static String testing(Project project) {
        return "/sites/" + project.site.id + "/projects/" + project.id + "/testing";
    }

    static String script(TestScript script) {
        return testing(script.project) + "/scripts/" + script.id;
    }

    static String run(TestRun run) {
        return testing(run.project) + "/runs/" + run.id;
    }
}
