package io.jenkins.plugins.gitops.engine.pipeline;

/**
 * Promotion, rollback, status and drift of one GitOps repository, as the Jenkins steps, the job page
 * and the drift worker call them. The facade ({@code GitOps}) provides the implementation; the
 * steps only adapt Jenkins arguments to these calls and their results to maps and build actions.
 * Implementations report progress to the listener they were opened with and never return secrets.
 */
public interface LifecycleOperations {

    /** Copies the release of {@code from} into {@code to}, commits, pushes and optionally syncs. */
    LifecycleResult promote(PromoteArguments arguments);

    /** Goes back to a recorded deployment (revert commit, or direct apply that pins the environment). */
    LifecycleResult rollback(RollbackArguments arguments);

    /** The last synced revision, health and whether the environment still matches Git. Read-only. */
    EnvironmentStatus status(String environment);

    /** Compares live with desired and Git HEAD with the last synced revision; heals when allowed. */
    DriftState drift(String environment, boolean selfHealAllowed);
}
