package io.jenkins.plugins.gitops.engine.lease;

class InProcessLeaseTest extends LeaseContract {
    private final InProcessLease shared = new InProcessLease(clock);

    @Override
    Lease lease() {
        return shared;
    }
}
