package io.jenkins.plugins.gitops.engine.source;

import java.util.List;

/**
 * A read-only view of a repository's files at one revision: a Git tree (no work-tree checkout) or a
 * local folder. Paths are repository-relative with '/' separators; implementations refuse paths
 * and symbolic links that leave the repository, and files over {@link #MAX_FILE_BYTES}.
 */
public interface SourceTree {
    /** Largest file a renderer will read (YAML, charts, compose files). */
    long MAX_FILE_BYTES = 4L * 1024 * 1024;

    /** The commit id, or a description such as {@code working tree of /path} for a folder. */
    String revision();

    boolean isFile(String path);

    boolean isDirectory(String path);

    /** Names (not paths) of the entries of a folder, sorted; an error if it is not a folder. */
    List<String> list(String directory);

    /** The bytes of a file; an {@link io.jenkins.plugins.gitops.engine.InvalidInputException} naming it if absent or too big. */
    byte[] read(String path);
}
