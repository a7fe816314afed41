package dev.siteready.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Waiting for and stopping the processes the deploy tests start (app nodes, nginx). */
public final class ChildProcess {

    private ChildProcess() {
    }

    /**
     * Waits until the address answers 200. Fails with the process's log if it exits first or does not answer in time
     * (and then stops it).
     */
    public static void awaitOk(String name, Process process, URI address, Duration within, Supplier<String> log) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited with " + process.exitValue() + " before it was ready:\n" + log.get());
            }
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(address).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            AppNode.sleep(250);
        }
        stop(process, Duration.ofSeconds(30));
        throw new AssertionError(name + " did not answer " + address.getPath() + " within " + within + ":\n" + log.get());
    }

    /** SIGTERM, then SIGKILL (the process and its children) if it has not exited within the grace time. */
    public static void stop(Process process, Duration grace) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
