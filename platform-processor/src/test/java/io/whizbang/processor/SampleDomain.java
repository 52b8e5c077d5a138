package io.whizbang.processor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The sources of the sample order domain under {@code src/test/resources/sample}: two commands, three events, a
 * receptor for each command, a perspective, a lens, a saga, an upcaster and a snapshotted aggregate state.
 */
final class SampleDomain {
    private SampleDomain() {
    }

    /** The sources, keyed by their path below the source root. */
    static Map<String, String> sources() {
        try {
            Path root = Path.of(SampleDomain.class.getResource("/sample").toURI());
            Map<String, String> sources = new TreeMap<>();
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                    sources.put(root.relativize(file).toString().replace('\\', '/'), Files.readString(file));
                }
            }
            return sources;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
