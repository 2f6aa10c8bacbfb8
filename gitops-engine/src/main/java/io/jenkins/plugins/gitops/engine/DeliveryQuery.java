package io.jenkins.plugins.gitops.engine;

import io.jenkins.plugins.gitops.engine.cluster.Target;
import io.jenkins.plugins.gitops.engine.delivery.CommitLog;
import io.jenkins.plugins.gitops.engine.delivery.DeliveryCalculator;
import io.jenkins.plugins.gitops.engine.delivery.DeliveryMetrics;
import io.jenkins.plugins.gitops.engine.history.DeploymentRecord;
import io.jenkins.plugins.gitops.engine.model.Environment;
import java.time.Instant;
import java.util.List;

/** Delivery metrics of an environment from its target's history and the repository's commits. Writes nothing. */
final class DeliveryQuery {
    private static final int MAX_COMMITS = 10_000;
    private final EngineContext context;

    DeliveryQuery(EngineContext context) {
        this.context = context;
    }

    DeliveryMetrics run(String environmentName, Instant from, Instant to) {
        Environment environment = context.repository.snapshot(null).config().environment(environmentName);
        List<DeploymentRecord> records;
        try (Target target = context.targets.open(environment)) {
            records = context.history(target, environment).deployments(environment.name());
        }
        CommitLog commits = context.repository.isGit()
                ? (revision, before) -> context.repository.git().authorTimes(revision, before, MAX_COMMITS)
                : CommitLog.NONE;
        return DeliveryCalculator.compute(environment.name(), records, commits, from, to);
    }
}
