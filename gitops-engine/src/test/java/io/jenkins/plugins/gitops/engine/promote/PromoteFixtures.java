package io.jenkins.plugins.gitops.engine.promote;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitops.engine.source.DirectoryTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Fixture repositories under src/test/resources/promote: {@code <format>/repo} and {@code <format>/expected/<case>}. */
final class PromoteFixtures {
    private PromoteFixtures() {
    }

    static Path resource(String name) {
        try {
            return Path.of(PromoteFixtures.class.getResource("/promote/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static DirectoryTree repo(String format) {
        return new DirectoryTree(resource(format + "/repo"));
    }

    /** The files under {@code <format>/expected/<case>}, by repository path. */
    static Map<String, String> expected(String format, String scenario, boolean crlf) {
        return files(resource(format + "/expected/" + scenario), crlf);
    }

    static Map<String, String> files(Path root, boolean crlf) {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(p);
                out.put(root.relativize(p).toString().replace('\\', '/'), crlf ? toCrlf(text) : text);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static Map<String, String> text(Map<String, byte[]> files) {
        Map<String, String> out = new TreeMap<>();
        files.forEach((k, v) -> out.put(k, new String(v, StandardCharsets.UTF_8)));
        return out;
    }

    /** A copy of a fixture repository, every line ending turned into CRLF when asked. */
    static Path copy(String format, Path into, boolean crlf) {
        Path source = resource(format + "/repo");
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path p : walk.toList()) {
                Path target = into.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    String text = Files.readString(p);
                    Files.writeString(target, crlf ? toCrlf(text) : text);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return into;
    }

    /** Writes changed files into a copied repository (what the commit would contain). */
    static void apply(Path repo, Map<String, byte[]> files) {
        try {
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                Files.write(repo.resolve(e.getKey()), e.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String toCrlf(String text) {
        return text.replace("\r\n", "\n").replace("\n", "\r\n");
    }

    /** The lines that differ between two texts, as {@code -old} / {@code +new}. */
    static void assertOnlyLinesChanged(String before, String after, int changedLines) {
        String[] a = before.split("\n", -1);
        String[] b = after.split("\n", -1);
        int common = 0;
        while (common < Math.min(a.length, b.length) && a[common].equals(b[common])) {
            common++;
        }
        int tail = 0;
        while (tail < Math.min(a.length, b.length) - common
                && a[a.length - 1 - tail].equals(b[b.length - 1 - tail])) {
            tail++;
        }
        assertThat(Math.max(a.length, b.length) - common - tail).as("changed lines").isEqualTo(changedLines);
    }

    static DirectoryTree tree(Path root) {
        return new DirectoryTree(root);
    }
}
