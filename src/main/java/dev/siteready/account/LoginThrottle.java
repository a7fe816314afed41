package dev.siteready.account;

import dev.siteready.tenant.OutsideWorkspaceQueries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Locale;

/**
 * Failed sign-ins per e-mail, counted in PostgreSQL so that every app node behind the load balancer sees
 * the same count. After {@code siteready.login.max-failures} failures within the lock period, sign-in for
 * that e-mail is refused until the period has passed, even with the right password.
 */
@ApplicationScoped
public class LoginThrottle {

    @Inject
    OutsideWorkspaceQueries queries;

    @ConfigProperty(name = "siteready.login.max-failures")
    int maxFailures;

    @ConfigProperty(name = "siteready.login.lock-minutes")
    int lockMinutes;

    public boolean isLocked(String email) {
        return queries.first("SELECT 1 FROM login_throttle WHERE key_hash = ? AND locked_until > now()",
                rs -> true, key(email)).isPresent();
    }

    public void recordFailure(String email) {
        // One statement, so concurrent failures on several nodes never lose a count.
        queries.update("""
                INSERT INTO login_throttle AS t (key_hash, failures, window_started_at)
                VALUES (?, 1, now())
                ON CONFLICT (key_hash) DO UPDATE SET
                    failures = CASE WHEN t.window_started_at < now() - make_interval(mins => ?) THEN 1
                                    ELSE t.failures + 1 END,
                    window_started_at = CASE WHEN t.window_started_at < now() - make_interval(mins => ?) THEN now()
                                             ELSE t.window_started_at END,
                    locked_until = CASE WHEN t.window_started_at >= now() - make_interval(mins => ?)
                                             AND t.failures + 1 >= ? THEN now() + make_interval(mins => ?)
                                        ELSE t.locked_until END
                """, key(email), lockMinutes, lockMinutes, lockMinutes, maxFailures, lockMinutes);
    }

    public void clear(String email) {
        queries.update("DELETE FROM login_throttle WHERE key_hash = ?", key(email));
    }

    static String key(String email) {
        return SecretTokens.hash(email.trim().toLowerCase(Locale.ROOT));
    }
}
