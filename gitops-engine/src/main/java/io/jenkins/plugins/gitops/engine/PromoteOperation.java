package io.jenkins.plugins.gitops.engine;

import io.jenkins.plugins.gitops.engine.api.OperationResult;
import io.jenkins.plugins.gitops.engine.api.PromoteRequest;

/** Promotion of a release from one environment to the next (being completed: see issue 4). */
final class PromoteOperation {
    private final EngineContext context;

    PromoteOperation(EngineContext context) {
        this.context = context;
    }

    OperationResult run(PromoteRequest request) {
        throw new OperationFailedException("promote " + request.from() + " -> " + request.to()
                + ": promotion is not available in this build yet");
    }
}
