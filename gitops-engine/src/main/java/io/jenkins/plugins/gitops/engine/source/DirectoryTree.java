package io.jenkins.plugins.gitops.engine.source;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** A local folder as a {@link SourceTree}: for `gitops --repo PATH` on a plain folder and for tests. */
public final class DirectoryTree implements SourceTree {
    private final Path root;
    private final Path realRoot;

    public DirectoryTree(Path root) {
        this.root = root.toAbsolutePath().normalize();
        try {
            this.realRoot = this.root.toRealPath();
        } catch (IOException e) {
            throw new InvalidInputException("repository folder " + root + " does not exist", e);
        }
    }

    @Override
    public String revision() {
        return "working tree of " + root;
    }

    @Override
    public boolean isFile(String path) {
        Path p = locate(path);
        return p != null && Files.isRegularFile(p);
    }

    @Override
    public boolean isDirectory(String path) {
        Path p = locate(path);
        return p != null && Files.isDirectory(p);
    }

    @Override
    public List<String> list(String directory) {
        Path dir = locate(directory);
        if (dir == null || !Files.isDirectory(dir)) {
            throw new InvalidInputException(directory + ": folder not found in " + root);
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public byte[] read(String path) {
        Path p = locate(path);
        if (p == null || !Files.isRegularFile(p)) {
            throw new InvalidInputException(path + ": file not found in " + root);
        }
        try {
            long size = Files.size(p);
            if (size > MAX_FILE_BYTES) {
                throw new InvalidInputException(path + ": file is " + size + " bytes, more than the limit of "
                        + MAX_FILE_BYTES + " bytes; split it into smaller files");
            }
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The real location of a repository path, or null if absent; refuses symlinks that leave the repository. */
    private Path locate(String path) {
        String normalized = RepoPaths.normalize(path, path);
        Path p = root.resolve(normalized);
        if (!Files.exists(p)) {
            return null;
        }
        try {
            Path real = p.toRealPath();
            if (!real.startsWith(realRoot)) {
                throw new InvalidInputException(path + ": symbolic link points outside the repository (to " + real
                        + "); only files inside the repository can be used");
            }
            return real;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
