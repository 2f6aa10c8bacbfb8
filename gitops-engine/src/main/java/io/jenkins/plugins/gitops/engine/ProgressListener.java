package io.jenkins.plugins.gitops.engine;

/**
 * Where the engine reports progress of long operations: the command prints to stderr, Jenkins
 * writes to the build log. Messages never contain secrets.
 */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = message -> { };

    void progress(String message);
}
