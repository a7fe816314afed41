package dev.siteready.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One SiteReady node started from the packaged jar as its own process, for the deploy tests ({@code *IT}, run by
 * {@code ./mvnw surefire:test@deploy} after {@code ./mvnw package}; see docs/operations.md). Its log goes to
 * {@code target/deploy-it/NAME.log}.
 */
public final class AppNode implements AutoCloseable {

    /** The jar {@code ./mvnw package} builds. */
    public static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    private static final Duration READY_WITHIN = Duration.ofMinutes(3);

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;

    private AppNode(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /** Starts the jar with the environment (plus its own port) and waits until it is ready. */
    public static AppNode start(String name, Path jar, Map<String, String> env, String... args) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run ./mvnw package -DskipTests first");
        }
        int port = freePort();
        try {
            Path dir = Files.createDirectories(Path.of("target/deploy-it"));
            Path log = dir.resolve(name + ".log");
            List<String> command = new ArrayList<>(List.of(javaBin(), "-Xmx384m", "-jar", jar.toAbsolutePath().toString()));
            command.addAll(List.of(args));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Map<String, String> environment = builder.environment();
            environment.keySet().removeIf(k -> k.startsWith("SITEREADY_") || k.startsWith("QUARKUS_"));
            environment.putAll(env);
            environment.putIfAbsent("SITEREADY_BACKUP_KEEP", "0"); // no nightly backup at 02:30 in the middle of a test
            environment.put("QUARKUS_HTTP_PORT", String.valueOf(port));
            AppNode node = new AppNode(name, port, builder.start(), log);
            node.awaitReady();
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the jar as a command (e.g. {@code backup FILE}) to its end; returns its exit code and output. */
    public static Result run(String name, Path jar, Map<String, String> env, String... args) {
        try {
            Path dir = Files.createDirectories(Path.of("target/deploy-it"));
            Path log = dir.resolve(name + ".log");
            List<String> command = new ArrayList<>(List.of(javaBin(), "-jar", jar.toAbsolutePath().toString()));
            command.addAll(List.of(args));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().keySet().removeIf(k -> k.startsWith("SITEREADY_") || k.startsWith("QUARKUS_"));
            builder.environment().putAll(env);
            Process process = builder.start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError(name + " did not finish within 5 minutes:\n" + Files.readString(log));
            }
            return new Result(process.exitValue(), Files.readString(log));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Result(int exitCode, String output) {
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public String name() {
        return name;
    }

    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** Stops the node as an operator or orchestrator would (SIGTERM) and waits for it to exit. */
    @Override
    public void close() {
        ChildProcess.stop(process, Duration.ofSeconds(60));
    }

    /** Ends the node abruptly (SIGKILL), as a crash or a lost machine would. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitReady() {
        ChildProcess.awaitOk(name, process, URI.create(baseUrl() + "/q/health/ready"), READY_WITHIN, this::log);
    }

    /** The environment that points a node at a database (owner credentials) with the shared session key. */
    public static Map<String, String> databaseEnv(Map<String, String> connectionProperties, String sessionKey) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SITEREADY_DB_URL", connectionProperties.get("siteready.db.url"));
        env.put("SITEREADY_DB_USER", connectionProperties.get("siteready.db.user"));
        env.put("SITEREADY_DB_PASSWORD", connectionProperties.get("siteready.db.password"));
        env.put("SITEREADY_SESSION_KEY", sessionKey);
        return env;
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
