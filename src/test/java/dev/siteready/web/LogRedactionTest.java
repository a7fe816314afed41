package dev.siteready.web;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;

/** The redaction rule for logs, case by case, and the filter that applies it to whole records. */
class LogRedactionTest {

    static final String SECRET = "Zq3xV9_kLm-2pQr7StUv8WxYz0AbCdEfGhIjKlMnOpQ";

    @Test
    void everySecretBearingAddressAndParameterIsRedacted() {
        assertThat(LogRedaction.redact("HTTP Request to /p/pl_" + SECRET + " failed"))
                .isEqualTo("HTTP Request to /p/(secret not logged) failed");
        assertThat(LogRedaction.redact("GET /p/guessed-" + SECRET + "?x=1")).isEqualTo("GET /p/(secret not logged)?x=1");
        assertThat(LogRedaction.redact("on POST /invitations/inv_" + SECRET))
                .isEqualTo("on POST /invitations/(secret not logged)");
        assertThat(LogRedaction.redact("https://siteready.example.org/invitations/inv_" + SECRET + "/"))
                .isEqualTo("https://siteready.example.org/invitations/(secret not logged)/");
        assertThat(LogRedaction.redact("token srt_" + SECRET + " was refused")).isEqualTo("token srt_(secret not logged) was refused");
        assertThat(LogRedaction.redact("Authorization: Bearer " + SECRET)).isEqualTo("Authorization: Bearer (secret not logged)");
        assertThat(LogRedaction.redact("/api/sites?q=a&access_token=" + SECRET + "&page=2"))
                .isEqualTo("/api/sites?q=a&access_token=(secret not logged)&page=2");
        assertThat(LogRedaction.redact("/api/sites?TOKEN=" + SECRET)).isEqualTo("/api/sites?TOKEN=(secret not logged)");
    }

    @Test
    void everythingElseIsLeftAsItWasAndRedactingTwiceChangesNothing() {
        String plain = "Unexpected error 1a2b3c4d on GET /sites/6f1c1f4e-8a11-4c1e-9a55-1d2f3e4a5b6c/projects and /partner/sign-off/x";
        assertThat(LogRedaction.redact(plain)).isSameAs(plain);
        assertThat(LogRedaction.redact(null)).isNull();
        String once = LogRedaction.redact("/p/pl_" + SECRET + " Bearer " + SECRET + " ?token=" + SECRET + " /invitations/x");
        assertThat(LogRedaction.redact(once)).isEqualTo(once);
        assertThat(LogRedaction.containsSecret(once)).isFalse();
    }

    @Test
    void theFilterRedactsFormattedMessagesAndExceptionChainsAndKeepsEveryRecord() {
        ExtLogRecord record = new ExtLogRecord(Level.SEVERE, "HTTP Request to %s failed, error id: %s",
                ExtLogRecord.FormatStyle.PRINTF, getClass().getName());
        record.setParameters(new Object[] { "/p/pl_" + SECRET, "e-1" });
        IllegalStateException cause = new IllegalStateException("lookup of inv_" + SECRET + " failed");
        record.setThrown(new RuntimeException("wrapped", cause));

        assertThat(new RedactingLogFilter().isLoggable(record)).isTrue();

        assertThat(record.getFormattedMessage()).isEqualTo("HTTP Request to /p/(secret not logged) failed, error id: e-1");
        assertThat(record.getThrown().toString()).isEqualTo("java.lang.RuntimeException: wrapped");
        assertThat(record.getThrown().getCause().toString())
                .isEqualTo("java.lang.IllegalStateException: lookup of inv_(secret not logged) failed");
        assertThat(record.getThrown().getCause().getStackTrace()).isEqualTo(cause.getStackTrace());

        ExtLogRecord harmless = new ExtLogRecord(Level.INFO, "Site %s saved", ExtLogRecord.FormatStyle.PRINTF, "x");
        harmless.setParameters(new Object[] { "Lakeview" });
        Throwable kept = new IllegalStateException("no secret here");
        harmless.setThrown(kept);
        assertThat(new RedactingLogFilter().isLoggable(harmless)).isTrue();
        assertThat(harmless.getFormattedMessage()).isEqualTo("Site Lakeview saved");
        assertThat(harmless.getThrown()).isSameAs(kept);
    }
}
