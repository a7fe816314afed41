package dev.siteready.architecture;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Files small enough to read: a resource is an HTTP adapter (read the input, call one service method, choose the
 * view), so it stays short; anything longer than 400 lines is doing the work of several classes.
 */
class SourceSizeTest {

    static final int MAX_LINES = 400;
    static final int MAX_RESOURCE_LINES = 250;

    @Test
    void noMainJavaFileIsOver400Lines() throws IOException {
        assertThat(longerThan(MAX_LINES, p -> true)).isEmpty();
    }

    @Test
    void noResourceIsOver250Lines() throws IOException {
        assertThat(longerThan(MAX_RESOURCE_LINES, p -> p.getFileName().toString().endsWith("Resource.java"))).isEmpty();
    }

    private static List<String> longerThan(int max, java.util.function.Predicate<Path> which) throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            return files.filter(p -> p.toString().endsWith(".java")).filter(which).map(p -> {
                try {
                    long lines = Files.readAllLines(p).size();
                    return lines > max ? p + " (" + lines + " lines)" : null;
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).filter(java.util.Objects::nonNull).sorted().toList();
        }
    }
}
