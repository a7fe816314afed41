package dev.siteready.project;

/**
 * What became of a change made on the project page: done (see the page at {@code path}, with the message), or refused
 * with the status (409 when someone else changed the row meanwhile, 400 for input to fix) and the problem.
 */
record ScopeEdit(int status, String path, String message) {

    static ScopeEdit done(String path, String message) {
        return new ScopeEdit(303, path, message);
    }

    static ScopeEdit refused(int status, String problem) {
        return new ScopeEdit(status, null, problem);
    }

    public boolean done() {
        return status == 303;
    }
}
