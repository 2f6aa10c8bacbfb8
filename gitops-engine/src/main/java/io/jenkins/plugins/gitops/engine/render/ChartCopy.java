package io.jenkins.plugins.gitops.engine.render;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.source.RepoPaths;
import io.jenkins.plugins.gitops.engine.source.SourceTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Copies a chart folder out of a source tree onto disk for Helm, within file-count and size limits. */
final class ChartCopy {
    static final int MAX_FILES = 2_000;
    static final long MAX_BYTES = 64L * 1024 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(ChartCopy.class);

    private int files;
    private long bytes;
    private final String chart;

    private ChartCopy(String chart) {
        this.chart = chart;
    }

    static void copy(SourceTree tree, String chartDirectory, Path destination) throws IOException {
        new ChartCopy(chartDirectory).copyFolder(tree, chartDirectory, destination);
    }

    private void copyFolder(SourceTree tree, String directory, Path destination) throws IOException {
        Files.createDirectories(destination);
        for (String name : tree.list(directory)) {
            String path = RepoPaths.child(directory, name);
            Path target = destination.resolve(name).normalize();
            if (!target.startsWith(destination)) {
                throw new InvalidInputException(path + ": file name leaves the chart folder");
            }
            if (tree.isDirectory(path)) {
                copyFolder(tree, path, target);
            } else if (tree.isFile(path)) {
                byte[] content = tree.read(path);
                files++;
                bytes += content.length;
                if (files > MAX_FILES || bytes > MAX_BYTES) {
                    throw new InvalidInputException(chart + ": chart has more than " + MAX_FILES + " files or "
                            + MAX_BYTES + " bytes; remove what the chart does not need");
                }
                Files.write(target, content);
            }
        }
    }

    static void deleteQuietly(Path folder) {
        if (folder == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.warn("Could not delete temporary chart folder {}: {}", folder, e.getMessage());
        }
    }
}
