package dev.siteready.project;

import java.util.Map;

/** A scope that cannot be saved as given: a message per JSON path (e.g. rows[0].dataModel). */
class ScopeException extends RuntimeException {

    public final Map<String, String> problems;

    public ScopeException(Map<String, String> problems) {
        super("The scope has " + problems.size() + " problem(s)");
        this.problems = problems;
    }
}
