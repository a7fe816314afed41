package dev.siteready.testing;

/**
 * What came of a testing form: refused with a status (400 invalid, 403 not for this person, 409 changed meanwhile or not
 * allowed now) and the problem to show with the input; or saved, with the message to flash (a warning when it should
 * stand out) and where to go next when
 * the form does not decide it (something new, a step's place on its page).
 */
record Outcome(int status, String problem, String message, boolean warning, String location) {

    static Outcome refused(int status, String problem) {
        return new Outcome(status, problem, null, false, null);
    }

    static Outcome saved(String message) {
        return new Outcome(303, null, message, false, null);
    }

    static Outcome savedWithWarning(String message) {
        return new Outcome(303, null, message, true, null);
    }

    static Outcome savedAt(String location, String message) {
        return new Outcome(303, null, message, false, location);
    }

    boolean refused() {
        return problem != null;
    }
}
