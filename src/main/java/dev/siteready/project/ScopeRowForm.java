package dev.siteready.project;

import dev.siteready.web.Forms;
import org.jboss.resteasy.reactive.RestForm;

import java.util.List;

/**
 * A scope row's form: the data model (when adding), the ticked event types (when saving a row), direction, connection
 * and volumes as typed, and the row's version the form was shown with. Checked by {@link ScopeEdits}, against the enums
 * and the catalog, with one message at a time in the order the form reads.
 */
record ScopeRowForm(
        @RestForm String dataModel,
        @RestForm List<String> events,
        @RestForm String direction,
        @RestForm String connectionMethod,
        @RestForm String messagesPerDay,
        @RestForm String peakPerHour,
        @RestForm Long version) {

    public static final ScopeRowForm EMPTY = new ScopeRowForm("", List.of(), Direction.INBOUND.name(),
            ConnectionMethod.HL7V2_MLLP.name(), "", "", null);

    public ScopeRowForm {
        dataModel = Forms.text(dataModel);
        events = events == null ? List.of() : List.copyOf(events.stream().map(Forms::text).toList());
        direction = Forms.text(direction);
        connectionMethod = Forms.text(connectionMethod);
        messagesPerDay = Forms.text(messagesPerDay);
        peakPerHour = Forms.text(peakPerHour);
    }

    /** What is wrong with the direction, connection or volumes, or null. */
    String problem() {
        if (Direction.parse(direction) == null) {
            return "Choose a direction.";
        }
        if (ConnectionMethod.parse(connectionMethod) == null) {
            return "Choose a connection method.";
        }
        for (String v : List.of(messagesPerDay, peakPerHour)) {
            if (!v.isBlank()) {
                try {
                    int n = Integer.parseInt(v.trim());
                    if (n < 0 || n > ScopeService.MAX_VOLUME) {
                        return "Volumes are whole numbers from 0 to " + ScopeService.MAX_VOLUME + ".";
                    }
                } catch (NumberFormatException e) {
                    return "Volumes are whole numbers from 0 to " + ScopeService.MAX_VOLUME + " (or empty when unknown).";
                }
            }
        }
        return null;
    }

    /** Gives the row the direction, connection and volumes (of a form without problems). */
    void applyTo(ScopeRow row) {
        row.direction = Direction.parse(direction);
        row.connectionMethod = ConnectionMethod.parse(connectionMethod);
        row.messagesPerDay = volume(messagesPerDay);
        row.peakPerHour = volume(peakPerHour);
    }

    private static Integer volume(String v) {
        return v.isBlank() ? null : Integer.valueOf(v.trim());
    }
}
