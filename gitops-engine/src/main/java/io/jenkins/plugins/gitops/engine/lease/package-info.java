/**
 * One operation per environment at a time, also across processes: a sync, promotion, rollback or
 * self-heal first takes the environment's {@link io.jenkins.plugins.gitops.engine.lease.Lease}, renews it
 * while it runs and releases it at the end. A lease that is not renewed expires after its TTL, so a
 * crashed holder blocks the environment for at most that long.
 *
 * <p>{@link io.jenkins.plugins.gitops.engine.lease.KubernetesLease} keeps the lock in the target as a
 * {@code coordination.k8s.io/v1} Lease {@code gitops-lock-<env>}, so a Jenkins controller, a second
 * controller and {@code gitops agent} exclude each other; every write carries the resourceVersion
 * read, so of two contenders exactly one wins. Expiry is judged by the contender's clock against
 * the holder's renewTime: keep clocks in sync (NTP) and TTLs well above any skew.
 * {@link io.jenkins.plugins.gitops.engine.cluster.swarm.SwarmLease} is the Swarm equivalent: a config
 * {@code <stack>_gitops-lock-<env>} that the manager creates atomically (a second create is refused
 * with 409), taken over and released by ID.
 * {@link io.jenkins.plugins.gitops.engine.lease.InProcessLease} serves the command line without a cluster
 * and tests. Locks are not re-entrant: a holder that asks again is refused like anyone else.
 */
package io.jenkins.plugins.gitops.engine.lease;
