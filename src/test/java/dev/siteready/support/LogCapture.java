package dev.siteready.support;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Everything logged in this JVM (the app's and its libraries') while open: to check a log for stack traces. */
public final class LogCapture extends Handler implements AutoCloseable {

    private final List<LogRecord> records = new ArrayList<>();

    public static LogCapture start() {
        LogCapture capture = new LogCapture();
        capture.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(capture);
        return capture;
    }

    @Override
    public synchronized void publish(LogRecord record) {
        if (record instanceof org.jboss.logmanager.ExtLogRecord ext) {
            ext.copyAll(); // the logging context (MDC) of the thread that logged, read later by the test
        }
        records.add(record);
    }

    /** Every record as one line: its message, its parameters and its exception, as a log reader could see them. */
    public synchronized List<String> lines() {
        return records.stream().map(r -> r.getMessage() + " " + java.util.Arrays.toString(r.getParameters())
                + (r.getThrown() == null ? "" : " " + r.getThrown())).toList();
    }

    /** Records that carry a stack trace, or that name Narayana's failed synchronization at commit (ARJUNA012125). */
    public synchronized List<String> stackTracesAndCommitFailures() {
        return records.stream().filter(r -> r.getThrown() != null || String.valueOf(r.getMessage()).contains("ARJUNA012125"))
                .map(r -> r.getLoggerName() + " " + r.getLevel() + " " + r.getMessage()
                        + (r.getThrown() == null ? "" : " / " + r.getThrown()))
                .toList();
    }

    /** The records of one logger, in the order they were logged. */
    public synchronized List<LogRecord> records(String loggerName) {
        return records.stream().filter(r -> loggerName.equals(r.getLoggerName())).toList();
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
    }
}
