package io.jenkins.plugins.gitops.engine;

import io.jenkins.plugins.gitops.engine.history.DeploymentRecord;
import io.jenkins.plugins.gitops.engine.model.DesiredState;
import io.jenkins.plugins.gitops.engine.model.Environment;
import io.jenkins.plugins.gitops.engine.model.Resource;
import java.util.Map;

/**
 * Whether an environment is pinned: its last successful deployment was a rollback to a revision Git
 * has moved past (a direct or automatic rollback), and what Git renders now still differs from it.
 * Once Git catches up (someone reverts or fixes it in Git), the pin goes away by itself.
 */
final class Pins {
    private Pins() {
    }

    static boolean pinned(EngineContext context, Environment environment, DeploymentRecord last, Repository.Snapshot head) {
        if (last.operation() != DeploymentRecord.Operation.ROLLBACK || head.revision().commitId().equals(last.revision())) {
            return false;
        }
        DesiredState atHead = context.render(head, environment, Map.of());
        DesiredState atPin = context.render(context.repository.snapshot(last.revision()), environment, Map.of());
        return !sameObjects(atHead, atPin);
    }

    static boolean sameObjects(DesiredState a, DesiredState b) {
        return a.resources().size() == b.resources().size()
                && a.resources().stream().allMatch(r -> b.resources().stream().anyMatch(o -> o.key().equals(r.key())
                        && o.manifest().equals(r.manifest())));
    }

    static boolean sameObjects(java.util.List<Resource> a, java.util.List<Resource> b) {
        return sameObjects(new DesiredState("", "", a, java.util.List.of()), new DesiredState("", "", b, java.util.List.of()));
    }
}
