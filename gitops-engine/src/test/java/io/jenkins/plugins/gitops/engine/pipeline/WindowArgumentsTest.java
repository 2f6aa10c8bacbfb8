package io.jenkins.plugins.gitops.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jenkins.plugins.gitops.engine.GitOps;
import io.jenkins.plugins.gitops.engine.api.SyncRequest;
import io.jenkins.plugins.gitops.testkit.InProcessKubernetes;
import io.jenkins.plugins.gitops.engine.cluster.kubernetes.KubernetesTarget;
import io.jenkins.plugins.gitops.engine.testing.WorkRepository;
import io.jenkins.plugins.gitops.engine.window.WindowClosedException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The steps' {@code overrideWindow:} reaches the engine, and {@code gitopsStatus} gets the window state. */
@Timeout(120)
class WindowArgumentsTest {
    @TempDir
    Path temp;

    @Test
    void theSyncStepsOverrideBecomesTheRequestsAndABlankOneIsNone() {
        SyncArguments args = new SyncArguments("prod", null, null, null, null, null, false, true, null, false,
                "hotfix INC-42");
        assertThat(args.validate("gitopsSync").toRequest("alice").overrideWindow()).isEqualTo("hotfix INC-42");
        assertThat(new SyncArguments("prod", null, null, null, null, null, false, true, null, false, "  ")
                .toRequest("alice").overrideWindow()).isNull();
        assertThat(SyncArguments.of("prod").toRequest("alice").overrideWindow()).isNull();
        assertThat(new PromoteArguments(null, "dev", "prod", true, null, "bob").withOverrideWindow(" ").overrideWindow())
                .isNull();
    }

    @Test
    void promotionAndRollbackStepsAreRefusedOutsideTheWindowAndPassWithTheirReason() {
        Instant saturday = Instant.parse("2026-10-24T10:00:00Z");
        try (InProcessKubernetes api = InProcessKubernetes.start();
                WorkRepository repo = new WorkRepository(temp.resolve("repo"), "gitops/windows");
                GitOps gitOps = GitOps.builder().repository(repo.remote()).cacheDir(temp.resolve("cache"))
                        .targets(env -> new KubernetesTarget(api.newClient(), env))
                        .clock(Clock.fixed(saturday, ZoneOffset.UTC)).build()) {
            api.startControllerStandIn();
            LifecycleOperations lifecycle = new FacadeLifecycle(gitOps);
            gitOps.sync(SyncRequest.of("dev"));
            gitOps.sync(SyncRequest.of("prod").withOverrideWindow("first deployment"));

            PromoteArguments promote = new PromoteArguments(null, "dev", "prod", true, null, "bob");
            assertThat(catchThrowableOfType(WindowClosedException.class, () -> lifecycle.promote(promote)))
                    .hasMessageContaining("promotion of 'prod' refused");
            LifecycleResult promoted = lifecycle.promote(promote.withOverrideWindow("release train"));
            assertThat(promoted.sync().succeeded()).isTrue();
            assertThat(gitOps.history("prod").get(0).windowOverride()).startsWith("release train (closed: ");

            RollbackArguments rollback = new RollbackArguments(null, "prod", "previous", RollbackArguments.Mode.REVERT,
                    "bob");
            assertThat(catchThrowableOfType(WindowClosedException.class, () -> lifecycle.rollback(rollback)))
                    .hasMessageContaining("rollback of 'prod' refused");
            LifecycleResult rolledBack = lifecycle.rollback(new RollbackArguments(null, "prod", "previous",
                    RollbackArguments.Mode.REVERT, "bob", "bad release"));
            assertThat(rolledBack.sync().succeeded()).isTrue();
            assertThat(gitOps.history("prod").get(0).windowOverride()).startsWith("bad release (closed: ");

            Map<String, Object> window = WindowResults.of(gitOps.window("prod"));
            assertThat(window).containsEntry("hasWindows", true).containsEntry("open", false)
                    .containsEntry("manualOpen", false).containsEntry("nextChange", "2026-10-26T08:00+01:00")
                    .containsEntry("timeZone", "Europe/Berlin").containsEntry("active", List.of());
            assertThat((String) window.get("reason")).startsWith("outside every allow window");
        }
    }
}
