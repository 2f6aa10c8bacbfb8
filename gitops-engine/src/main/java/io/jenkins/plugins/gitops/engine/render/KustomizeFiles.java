package io.jenkins.plugins.gitops.engine.render;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.source.RepoPaths;

/**
 * Paths a kustomization names, checked as kustomize's loader checks them with its default load restrictor
 * (api/internal/loader, {@code LoadRestrictionsRootOnly}): a file (resource, patch, generator source,
 * configuration) must be in or below the kustomization's folder; a folder (a base) may be anywhere in the
 * repository but not the kustomization's own folder or one above it.
 */
final class KustomizeFiles {
    private KustomizeFiles() {
    }

    /** The repository path of a file {@code entry} of the kustomization in {@code directory}. */
    static String file(String directory, String entry, String where) {
        String path = RepoPaths.resolve(directory, entry, where);
        if (!isWithin(path, directory)) {
            throw new InvalidInputException(where + ": file '" + entry + "' is not in or below " + display(directory)
                    + " (kustomize refuses files outside the kustomization's folder); move it into that folder, or"
                    + " make its folder a kustomization and list that folder instead");
        }
        return path;
    }

    /** Whether {@code path} is {@code directory} or below it. */
    static boolean isWithin(String path, String directory) {
        return directory.isEmpty() || path.equals(directory) || path.startsWith(directory + "/");
    }

    static String display(String directory) {
        return directory.isEmpty() ? "the repository root" : "'" + directory + "'";
    }
}
