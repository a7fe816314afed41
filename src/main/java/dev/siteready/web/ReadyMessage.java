package dev.siteready.web;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.Optional;

/** One line that tells the person who started SiteReady where to open it. */
@ApplicationScoped
public class ReadyMessage {

    private static final Logger LOG = Logger.getLogger(ReadyMessage.class);

    @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080")
    int port;

    @ConfigProperty(name = "siteready.base-url")
    Optional<String> baseUrl;

    void onStart(@Observes @Priority(Integer.MAX_VALUE) StartupEvent event) {
        if (LaunchMode.current() == LaunchMode.NORMAL) { // tests and dev mode print their own address
            LOG.info("SiteReady is ready: open " + baseUrl.orElse("http://localhost:" + port));
        }
    }
}
