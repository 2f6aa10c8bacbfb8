package io.jenkins.plugins.gitops.engine;

import io.jenkins.plugins.gitops.engine.cluster.Target;
import io.jenkins.plugins.gitops.engine.delivery.CommitLog;
import io.jenkins.plugins.gitops.engine.delivery.DeliveryCalculator;
import io.jenkins.plugins.gitops.engine.delivery.DeliveryMetrics;
import io.jenkins.plugins.gitops.engine.delivery.DeliveryReport;
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
        return DeliveryCalculator.compute(environment.name(), records(environment), commits(), from, to);
    }

    DeliveryReport report(String environmentName, Instant to) {
        Environment environment = context.repository.snapshot(null).config().environment(environmentName);
        return DeliveryReport.compute(environment.name(), records(environment), commits(), to);
    }

    private List<DeploymentRecord> records(Environment environment) {
        try (Target target = context.targets.open(environment)) {
            return context.history(target, environment).deployments(environment.name());
        }
    }

    private CommitLog commits() {
        return context.repository.isGit()
                ? (revision, before) -> context.repository.git().authorTimes(revision, before, MAX_COMMITS)
                : CommitLog.NONE;
    }
}
