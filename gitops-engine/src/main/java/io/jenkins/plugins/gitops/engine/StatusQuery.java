package io.jenkins.plugins.gitops.engine;

import io.jenkins.plugins.gitops.engine.api.EnvironmentStatus;
import io.jenkins.plugins.gitops.engine.cluster.Target;
import io.jenkins.plugins.gitops.engine.history.DeploymentRecord;
import io.jenkins.plugins.gitops.engine.model.Environment;
import java.util.List;
import java.util.Optional;

/** Where an environment stands, read from Git, the target's history and its lease. Writes nothing. */
final class StatusQuery {
    private final EngineContext context;

    StatusQuery(EngineContext context) {
        this.context = context;
    }

    EnvironmentStatus run(String environmentName) {
        Repository.Snapshot head = context.repository.snapshot(null);
        Environment environment = head.config().environment(environmentName);
        try (Target target = context.targets.open(environment)) {
            List<DeploymentRecord> records = context.history(target, environment).list(environment.name());
            Optional<DeploymentRecord> newest = records.stream().findFirst();
            Optional<DeploymentRecord> lastGood = records.stream().filter(Records::applied).findFirst();
            boolean pinned = lastGood.isPresent() && Pins.pinned(context, environment, lastGood.get(), head);
            return new EnvironmentStatus(environment.name(), target.describe(),
                    lastGood.map(DeploymentRecord::revision).orElse(null), head.revision().commitId(),
                    newest.map(r -> r.finishedAt() != null ? r.finishedAt() : r.startedAt()).orElse(null),
                    newest.map(r -> r.result().name().toLowerCase(java.util.Locale.ROOT)).orElse("never synced"),
                    newest.map(DeploymentRecord::healthStatus).orElse(null), pinned,
                    pinned ? lastGood.get().revision() : null, context.lease(target).currentHolder(environment.name()));
        }
    }

    List<DeploymentRecord> history(String environmentName) {
        Environment environment = context.repository.snapshot(null).config().environment(environmentName);
        try (Target target = context.targets.open(environment)) {
            return context.history(target, environment).list(environment.name());
        }
    }
}
