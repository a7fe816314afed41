package dev.siteready.web;

/** One choice of a select, radio group or checkbox list: the value sent, the words shown, and whether it is chosen. */
public record Option(String value, String label, boolean selected) {

    public static Option of(String value, String label) {
        return new Option(value, label, false);
    }
}
