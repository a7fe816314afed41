package dev.siteready.web;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Names that must be unique (sites, catalog models, events and field paths, templates, workflows) are compared and
 * stored in Unicode NFC: "Café" typed with a composed é and with e + a combining accent is one name.
 */
public final class Names {

    private Names() {
    }

    /** The name in NFC without surrounding white space; null stays null. */
    public static String normalize(String name) {
        return name == null ? null : Normalizer.normalize(name, Normalizer.Form.NFC).strip();
    }

    /** What two names are compared by, like the unique indexes' {@code lower(name)}: normalized and lower case. */
    public static String key(String name) {
        return name == null ? "" : normalize(name).toLowerCase(Locale.ROOT);
    }

    /** Stores a name column in NFC whichever way it was set, so the unique index on lower(name) sees one spelling. */
    @Converter
    public static class Nfc implements AttributeConverter<String, String> {

        @Override
        public String convertToDatabaseColumn(String name) {
            return name == null ? null : Normalizer.normalize(name, Normalizer.Form.NFC);
        }

        @Override
        public String convertToEntityAttribute(String stored) {
            return stored;
        }
    }
}
