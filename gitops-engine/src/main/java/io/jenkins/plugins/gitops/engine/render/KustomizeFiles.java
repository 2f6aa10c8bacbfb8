package io.jenkins.plugins.gitops.engine.render;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.model.LoadRestrictor;
import io.jenkins.plugins.gitops.engine.source.RepoPaths;
import java.util.function.Supplier;

/**
 * Paths a kustomization names, checked as kustomize's loader checks them (api/internal/loader): with the
 * default load restrictor ({@code LoadRestrictionsRootOnly}) a file (resource, patch, generator source,
 * configuration) must be in or below the kustomization's folder; with {@code LoadRestrictionsNone} (the
 * environment's {@code kustomize.loadRestrictor}, as Flux builds) it may be anywhere in the repository. A
 * path never leaves the repository ({@link RepoPaths#resolve}). A folder (a base) may be anywhere in the
 * repository but not the kustomization's own folder or one above it, whatever the restrictor.
 */
final class KustomizeFiles {
    private static final ThreadLocal<LoadRestrictor> CURRENT = new ThreadLocal<>();

    private KustomizeFiles() {
    }

    /** Runs a build with a load restrictor (the environment's); outside one, {@link LoadRestrictor#ROOT_ONLY}. */
    static <T> T during(LoadRestrictor restrictor, Supplier<T> work) {
        LoadRestrictor previous = CURRENT.get();
        CURRENT.set(restrictor);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    /** The repository path of a file {@code entry} of the kustomization in {@code directory}. */
    static String file(String directory, String entry, String where) {
        String path = RepoPaths.resolve(directory, entry, where);
        requireLoadable(path, directory, where + ": file '" + entry + "'");
        return path;
    }

    /**
     * Refuses a file ({@code what}: where it is named and as what) outside {@code directory} unless the build
     * runs with {@link LoadRestrictor#NONE}.
     */
    static void requireLoadable(String path, String directory, String what) {
        if (CURRENT.get() != LoadRestrictor.NONE && !isWithin(path, directory)) {
            throw new InvalidInputException(what + " is not in or below " + display(directory)
                    + " (kustomize refuses files outside the kustomization's folder); move it into that folder, make"
                    + " its folder a kustomization and list that folder instead, or set the environment's"
                    + " kustomize: { loadRestrictor: LoadRestrictionsNone } (as Flux builds)");
        }
    }

    /** Whether {@code path} is {@code directory} or below it. */
    static boolean isWithin(String path, String directory) {
        return directory.isEmpty() || path.equals(directory) || path.startsWith(directory + "/");
    }

    static String display(String directory) {
        return directory.isEmpty() ? "the repository root" : "'" + directory + "'";
    }
}
