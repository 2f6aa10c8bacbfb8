package io.jenkins.plugins.gitops.engine.cluster;

import io.jenkins.plugins.gitops.engine.model.Environment;

/**
 * Opens the target of an environment. The caller decides which cluster or daemon and with which
 * credentials: the command from its options, Jenkins from credentials in the run's context.
 */
@FunctionalInterface
public interface TargetFactory extends AutoCloseable {
    Target open(Environment environment);

    /** Releases what the factory shares between the targets it opened (clients); the facade calls it on close. */
    @Override
    default void close() {
    }
}
