package dev.siteready.testing;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One step of a test script: what to do and what should happen. Stored as JSON in scripts and templates. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ScriptStep(String action, String expected) {

    public static final int MAX_TEXT = 1000;
    public static final int MAX_STEPS = 100;

    public ScriptStep {
        action = action == null ? "" : action;
        expected = expected == null ? "" : expected;
    }
}
