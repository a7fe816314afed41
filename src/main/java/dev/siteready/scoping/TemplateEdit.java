package dev.siteready.scoping;

/**
 * What became of a change to a questionnaire template: done (see the page at {@code path}, with the message), or
 * refused with the status (409 when someone else changed the template meanwhile, 400 for input to fix) and the problem.
 */
record TemplateEdit(int status, String path, String message) {

    static final String STALE = "Someone else changed this template while you were editing. Your input is shown; submit again to add it.";

    static TemplateEdit done(String path, String message) {
        return new TemplateEdit(303, path, message);
    }

    static TemplateEdit refused(int status, String problem) {
        return new TemplateEdit(status, null, problem);
    }

    static TemplateEdit stale() {
        return refused(409, STALE);
    }

    public boolean done() {
        return status == 303;
    }
}
