package dev.siteready.web;

import io.quarkus.logging.LoggingFilter;
import org.jboss.logmanager.ExtLogRecord;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;

/**
 * Applies {@link LogRedaction} to every record a log handler writes (configured as
 * {@code quarkus.log.console.filter} and {@code quarkus.log.file.filter}): the message with its parameters and the
 * messages of its exception chain. Quarkus' own lines ("HTTP Request to /p/… failed") pass through it like ours.
 * It never drops a record.
 */
@LoggingFilter(name = RedactingLogFilter.NAME)
public final class RedactingLogFilter implements Filter {

    public static final String NAME = "redact-secrets";

    @Override
    public boolean isLoggable(LogRecord record) {
        String message = formatted(record);
        if (LogRedaction.containsSecret(message)) {
            String redacted = LogRedaction.redact(message);
            if (record instanceof ExtLogRecord ext) {
                ext.setMessage(redacted, ExtLogRecord.FormatStyle.NO_FORMAT);
            } else {
                record.setMessage(redacted);
            }
            record.setParameters(null);
        }
        if (record.getThrown() != null && anySecret(record.getThrown())) {
            record.setThrown(Redacted.copy(record.getThrown(), new IdentityHashMap<>()));
        }
        return true;
    }

    private static String formatted(LogRecord record) {
        if (record instanceof ExtLogRecord ext) {
            return ext.getFormattedMessage();
        }
        return record.getParameters() == null ? record.getMessage() : new SimpleFormatter().formatMessage(record);
    }

    private static boolean anySecret(Throwable thrown) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = thrown; t != null && seen.put(t, true) == null; t = t.getCause()) {
            if (LogRedaction.containsSecret(t.getMessage())) {
                return true;
            }
        }
        return false;
    }

    /** A stand-in for a throwable whose message held a secret: same class name in its text, same stack, redacted. */
    static final class Redacted extends RuntimeException {

        private final String original;

        private Redacted(String original, String message) {
            super(message);
            this.original = original;
        }

        static Throwable copy(Throwable t, Map<Throwable, Throwable> done) {
            Throwable existing = done.get(t);
            if (existing != null) {
                return existing;
            }
            Redacted copy = new Redacted(t.getClass().getName(), LogRedaction.redact(t.getMessage()));
            done.put(t, copy);
            copy.setStackTrace(t.getStackTrace());
            if (t.getCause() != null && t.getCause() != t) {
                copy.initCause(copy(t.getCause(), done));
            }
            return copy;
        }

        @Override
        public String toString() {
            return getMessage() == null ? original : original + ": " + getMessage();
        }
    }
}
