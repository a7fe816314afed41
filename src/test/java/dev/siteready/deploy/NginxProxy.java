package dev.siteready.deploy;

import dev.siteready.support.AppNode;
import dev.siteready.support.ChildProcess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * nginx in front of two app nodes, configured by docs/deploy/nginx.conf itself with its placeholders filled in, run
 * in the foreground from a prefix of its own under {@code target/deploy-it/nginx} (config, logs, temporary files).
 */
final class NginxProxy implements AutoCloseable {

    static final Path CONFIG = Path.of("docs/deploy/nginx.conf");
    private static final Duration READY_WITHIN = Duration.ofSeconds(60);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[A-Za-z_]+}");

    private final Process process;
    private final int port;
    private final Path prefix;

    private NginxProxy(Process process, int port, Path prefix) {
        this.process = process;
        this.port = port;
        this.prefix = prefix;
    }

    /** The nginx binary: SITEREADY_NGINX, else Debian's /usr/sbin/nginx, if it is there. */
    static Optional<Path> binary() {
        String configured = System.getenv("SITEREADY_NGINX");
        Path path = Path.of(configured == null || configured.isBlank() ? "/usr/sbin/nginx" : configured);
        return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
    }

    /** docs/deploy/nginx.conf with its placeholders replaced; refuses to leave one unreplaced. */
    static String config(int port, String nodeA, String nodeB, Path logDir, Path tempDir) throws IOException {
        String config = Files.readString(CONFIG)
                .replace("${LISTEN}", "127.0.0.1:" + port)
                .replace("${NODE_A}", nodeA)
                .replace("${NODE_B}", nodeB)
                .replace("${LOG_DIR}", logDir.toAbsolutePath().toString())
                .replace("${TEMP_DIR}", tempDir.toAbsolutePath().toString());
        Matcher left = PLACEHOLDER.matcher(config);
        if (left.find()) {
            throw new IllegalStateException(CONFIG + " has a placeholder the test does not fill in: " + left.group());
        }
        return config;
    }

    /** Starts nginx on a free port in front of the nodes (host:port each) and waits until it proxies a page. */
    static NginxProxy start(Path binary, String nodeA, String nodeB) {
        int port = AppNode.freePort();
        try {
            Path prefix = Files.createDirectories(Path.of("target/deploy-it/nginx").toAbsolutePath());
            Path logs = Files.createDirectories(prefix.resolve("logs"));
            Path temp = Files.createDirectories(prefix.resolve("temp"));
            Path conf = prefix.resolve("nginx.conf");
            Files.writeString(conf, config(port, nodeA, nodeB, logs, temp));
            ProcessBuilder builder = new ProcessBuilder(List.of(binary.toString(), "-p", prefix + "/", "-c", conf.toString(),
                    "-e", "stderr", "-g", "daemon off; pid " + prefix.resolve("nginx.pid") + ";"
                            // Started by root, nginx's workers run as nobody, who may not reach a checkout under /root
                            // (request bodies over 16 KB go to the temp folder): keep them as the user running the test.
                            + ("root".equals(System.getProperty("user.name")) ? " user root;" : "")))
                    .redirectErrorStream(true).redirectOutput(logs.resolve("nginx.out").toFile());
            NginxProxy nginx = new NginxProxy(builder.start(), port, prefix);
            nginx.awaitReady();
            return nginx;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** What nginx printed and logged so far, for failure messages. */
    String log() {
        StringBuilder text = new StringBuilder();
        for (String name : List.of("nginx.out", "error.log", "access.log")) {
            try {
                text.append("== ").append(name).append('\n').append(Files.readString(prefix.resolve("logs").resolve(name)));
            } catch (IOException e) {
                text.append("(none)\n");
            }
        }
        return text.toString();
    }

    /** Stops nginx (SIGTERM: a fast shutdown of the master and its workers) and waits for it. */
    @Override
    public void close() {
        ChildProcess.stop(process, Duration.ofSeconds(30));
    }

    private void awaitReady() {
        ChildProcess.awaitOk("nginx", process, URI.create(baseUrl() + "/login"), READY_WITHIN, this::log);
    }
}
