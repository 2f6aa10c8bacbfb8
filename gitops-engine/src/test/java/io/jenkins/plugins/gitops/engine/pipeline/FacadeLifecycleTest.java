package io.jenkins.plugins.gitops.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitops.engine.GitOps;
import io.jenkins.plugins.gitops.engine.api.SyncRequest;
import io.jenkins.plugins.gitops.testkit.InProcessKubernetes;
import io.jenkins.plugins.gitops.engine.cluster.kubernetes.KubernetesTarget;
import io.jenkins.plugins.gitops.engine.testing.WorkRepository;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The seam the Jenkins steps call: step arguments in, plain results out, over the real facade. */
@Timeout(120)
class FacadeLifecycleTest {
    @TempDir
    Path temp;

    @Test
    void promoteRollbackStatusAndDriftMapToTheStepResults() {
        try (InProcessKubernetes api = InProcessKubernetes.start();
                WorkRepository repo = new WorkRepository(temp.resolve("repo"), "gitops/promote");
                GitOps gitOps = GitOps.builder().repository(repo.remote()).cacheDir(temp.resolve("cache"))
                        .targets(env -> new KubernetesTarget(api.newClient(), env)).build()) {
            api.startControllerStandIn();
            LifecycleOperations lifecycle = new FacadeLifecycle(gitOps);
            String tip = repo.tip();
            assertThat(gitOps.resolveRevision(null)).as("what a resumed gitopsSync deploys").isEqualTo(tip);
            assertThat(gitOps.resolveRevision("main")).isEqualTo(tip);
            assertThat(gitOps.resolveRevision(tip)).isEqualTo(tip);
            gitOps.sync(SyncRequest.of("dev"));
            gitOps.sync(SyncRequest.of("staging"));

            LifecycleResult promoted = lifecycle.promote(new PromoteArguments(null, "dev", "staging", true, null, "bob"));
            assertThat(promoted.images()).containsExactly("shop/web:1.2.0");
            assertThat(promoted.commitId()).isEqualTo(repo.tip());
            assertThat(promoted.sync().succeeded()).isTrue();

            EnvironmentStatus status = lifecycle.status("staging");
            assertThat(status.revision()).isEqualTo(repo.tip());
            assertThat(status.inSync()).isTrue();
            assertThat(status.pinned()).isFalse();
            assertThat(lifecycle.drift("staging", false).getKind()).isEqualTo(DriftState.Kind.IN_SYNC);

            LifecycleResult rolledBack = lifecycle.rollback(new RollbackArguments(null, "staging", "previous",
                    RollbackArguments.Mode.DIRECT, "bob"));
            assertThat(rolledBack.commitId()).isNull();
            assertThat(lifecycle.status("staging").pinned()).isTrue();
            assertThat(lifecycle.drift("staging", true).getKind()).isEqualTo(DriftState.Kind.OUT_OF_SYNC_WITH_GIT);

            // production needs approval: carol is not listed, but she is in the release-managers group, which is
            gitOps.sync(SyncRequest.of("production"));
            gitOps.sync(SyncRequest.of("staging"));
            LifecycleResult approved = lifecycle.promote(new PromoteArguments(null, "staging", "production", false, "carol",
                    "bob", List.of("authenticated", "release-managers")));
            assertThat(approved.images()).containsExactly("shop/web:1.2.0");
            assertThat(approved.commitId()).isEqualTo(repo.tip());
        }
    }
}
