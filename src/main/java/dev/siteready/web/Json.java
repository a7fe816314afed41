package dev.siteready.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;

/** Reads a jsonb column that a plain SQL query returned (as text), and writes one, with the application's object mapper. */
public final class Json {

    private static volatile ObjectMapper mapper;

    private Json() {
    }

    public static <T> T read(Object column, Class<T> type) {
        if (column == null) {
            return null;
        }
        try {
            return mapper().readValue(column.toString(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored JSON that cannot be read as " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    /** The JSON text of a value, as a jsonb column stores it. */
    public static String write(Object value) {
        try {
            return mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + value.getClass().getSimpleName() + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static ObjectMapper mapper() {
        ObjectMapper m = mapper;
        if (m == null) {
            m = Arc.container().instance(ObjectMapper.class).get();
            mapper = m;
        }
        return m;
    }
}
