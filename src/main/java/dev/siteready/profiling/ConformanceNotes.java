package dev.siteready.profiling;

import dev.siteready.profiling.ProfileData.Note;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the profiler read past in the messages as sent (a line break inside a field, spaces around a coded value, odd
 * encoding characters), added up per note: in how many places and messages, with the first message numbers. A note
 * names a field position, never a value.
 */
final class ConformanceNotes {

    /** Message numbers kept per note. */
    static final int MAX_EXAMPLES = 10;

    private final Map<String, NoteAcc> notes = new LinkedHashMap<>();

    /** The note, seen {@code times} times in message {@code message} (0: outside any message). */
    void add(String note, int times, int message) {
        NoteAcc acc = ProfileBuilder.bounded(notes, note, () -> new NoteAcc(note));
        acc.occurrences += times;
        if (message > 0) {
            acc.messages++;
            if (acc.examples.size() < MAX_EXAMPLES) {
                acc.examples.add(message);
            }
        }
    }

    List<Note> build() {
        return notes.values().stream().map(n -> new Note(n.note, n.occurrences, n.messages, n.examples)).toList();
    }

    private static final class NoteAcc {
        final String note;
        int occurrences;
        int messages;
        final List<Integer> examples = new ArrayList<>(4);

        NoteAcc(String note) {
            this.note = note;
        }
    }
}
