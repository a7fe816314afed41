package dev.siteready.testing;

/** One row of a script's step editor, as typed or saved. */
record StepInput(String action, String expected) {
}
