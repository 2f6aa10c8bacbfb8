package io.jenkins.plugins.gitops.engine.source;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import java.util.ArrayDeque;
import java.util.Deque;

/** Normalisation of repository-relative paths, refusing anything that would leave the repository. */
public final class RepoPaths {
    private RepoPaths() {
    }

    /**
     * Resolves {@code relative} against the folder {@code base} (both repository-relative) and
     * returns a normalised path without '.', '..' or leading '/'. {@code referencedFrom} names the
     * file that mentioned the path, for the error message.
     */
    public static String resolve(String base, String relative, String referencedFrom) {
        if (relative == null || relative.isBlank()) {
            throw new InvalidInputException(referencedFrom + ": empty path");
        }
        if (relative.startsWith("/") || relative.startsWith("\\") || relative.matches("^[A-Za-z]:.*")) {
            throw new InvalidInputException(referencedFrom + ": absolute path '" + relative
                    + "' is not allowed; use a path relative to the repository");
        }
        String joined = (base == null || base.isEmpty() ? "" : base + "/") + relative;
        return normalize(joined, relative, referencedFrom);
    }

    /** Normalises a repository-relative path (as written in gitops.yaml, for example). */
    public static String normalize(String path, String referencedFrom) {
        if (path.startsWith("/")) {
            throw new InvalidInputException(referencedFrom + ": absolute path '" + path
                    + "' is not allowed; use a path relative to the repository");
        }
        return normalize(path, path, referencedFrom);
    }

    private static String normalize(String joined, String original, String referencedFrom) {
        Deque<String> parts = new ArrayDeque<>();
        for (String part : joined.replace('\\', '/').split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    throw new InvalidInputException(referencedFrom + ": path '" + original
                            + "' leaves the repository; only files inside the repository can be used");
                }
                parts.removeLast();
            } else {
                parts.addLast(part);
            }
        }
        return String.join("/", parts);
    }

    public static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    public static String child(String dir, String name) {
        return dir.isEmpty() ? name : dir + "/" + name;
    }
}
