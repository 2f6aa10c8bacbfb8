package io.jenkins.plugins.gitops.engine.pipeline;

/**
 * The holder names Jenkins takes environment locks under. A lock refused to someone names its
 * holder, so each reads as what holds it; and since the same holder takes its own lock again (see
 * {@link io.jenkins.plugins.gitops.engine.lease.Lease#tryAcquire}), each names exactly one stream of
 * work: a Pipeline step (stable across a controller restart: same run, same flow node), one rollback
 * from a job page, or the drift worker of one controller.
 */
public final class LeaseHolders {
    private LeaseHolders() {
    }

    /**
     * {@code jenkins https://ci.example.com/ deploy#42 step 7}.
     *
     * @param controller the controller's root URL, or another id that stays the same across its restarts
     * @param run        the run's externalizable id ({@code folder/job#42})
     * @param flowNode   the id of the step's flow node (parallel branches have different ones)
     */
    public static String step(String controller, String run, String flowNode) {
        return "jenkins " + controller + " " + run + " step " + flowNode;
    }

    /** {@code jenkins https://ci.example.com/ deploy rollback 3 by alice (environments page)}. */
    public static String jobPage(String controller, String job, String rollbackId, String user) {
        return "jenkins " + controller + " " + job + " rollback " + rollbackId + " by " + user + " (environments page)";
    }

    /** {@code jenkins https://ci.example.com/ drift worker}: one at a time per controller (a periodic work never overlaps itself). */
    public static String driftWorker(String controller) {
        return "jenkins " + controller + " drift worker";
    }
}
