package io.jenkins.plugins.gitops.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitops.engine.lease.InProcessLease;
import io.jenkins.plugins.gitops.engine.lease.Lease;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LeaseHoldersTest {
    private static final String CONTROLLER = "https://ci.example.com/";
    private static final Duration TTL = Duration.ofMinutes(10);

    @Test
    void aResumedStepTakesItsLockAgainWhileAParallelBranchOrAnotherRunIsRefused() {
        Lease lease = new InProcessLease();
        lease.acquire("production", LeaseHolders.step(CONTROLLER, "deploy#42", "7"), TTL);

        // after a restart the execution computes its holder from the same run and flow node
        assertThat(lease.tryAcquire("production", LeaseHolders.step(CONTROLLER, "deploy#42", "7"), TTL)).isPresent();
        assertThat(lease.tryAcquire("production", LeaseHolders.step(CONTROLLER, "deploy#42", "12"), TTL)).isEmpty();
        assertThat(lease.tryAcquire("production", LeaseHolders.step(CONTROLLER, "deploy#43", "7"), TTL)).isEmpty();
        assertThat(lease.tryAcquire("production", LeaseHolders.driftWorker(CONTROLLER), TTL)).isEmpty();
        assertThat(lease.currentHolder("production")).isEqualTo("jenkins https://ci.example.com/ deploy#42 step 7");
    }

    @Test
    void jobPageRollbacksAndDriftWorkersOfOtherControllersAreDistinct() {
        assertThat(LeaseHolders.jobPage(CONTROLLER, "deploy", "3", "alice"))
                .isEqualTo("jenkins https://ci.example.com/ deploy rollback 3 by alice (environments page)")
                .isNotEqualTo(LeaseHolders.jobPage(CONTROLLER, "deploy", "4", "alice"));
        assertThat(LeaseHolders.driftWorker(CONTROLLER)).isNotEqualTo(LeaseHolders.driftWorker("https://ci2.example.com/"));
    }
}
