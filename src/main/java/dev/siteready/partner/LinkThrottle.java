package dev.siteready.partner;

import dev.siteready.account.SecretTokens;
import dev.siteready.tenant.OutsideWorkspaceQueries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Limits partner link lookups per client network and minute, counted in PostgreSQL so that every app node
 * behind the load balancer shares the count. Guessing a 256-bit link is hopeless anyway; the limit keeps
 * anyone from hammering the lookup.
 */
@ApplicationScoped
class LinkThrottle {

    @Inject
    OutsideWorkspaceQueries queries;

    @ConfigProperty(name = "siteready.partner.lookups-per-minute")
    int perMinute;

    /** Counts one lookup from the network; false when it is over the limit. */
    public boolean allow(String network) {
        if (ThreadLocalRandom.current().nextInt(200) == 0) {
            queries.update("DELETE FROM link_throttle WHERE window_started_at < now() - interval '1 hour'");
        }
        int hits = queries.first("""
                INSERT INTO link_throttle AS t (key_hash, window_started_at, hits) VALUES (?, now(), 1)
                ON CONFLICT (key_hash) DO UPDATE SET
                    hits = CASE WHEN t.window_started_at < now() - interval '1 minute' THEN 1 ELSE t.hits + 1 END,
                    window_started_at = CASE WHEN t.window_started_at < now() - interval '1 minute' THEN now()
                                             ELSE t.window_started_at END
                RETURNING hits
                """, rs -> rs.getInt(1), SecretTokens.hash("partner-link:" + network)).orElse(1);
        return hits <= perMinute;
    }
}
