package io.jenkins.plugins.gitops;

import hudson.init.Terminator;
import hudson.model.Computer;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.gitops.engine.pipeline.SyncArguments;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jenkinsci.plugins.workflow.steps.AbstractStepExecutionImpl;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * Runs a sync, including the wait for health that can take minutes, on a background thread, so the
 * step survives a controller restart: after the restart {@link #onResume} runs the same sync again.
 * That is safe because a sync is idempotent: it makes the environment match one commit of Git, so
 * objects already applied before the restart come out unchanged and the wait for health resumes.
 *
 * <p>The execution is Java-serialized with the Pipeline program (workflow-cps {@code CpsThreadGroup},
 * {@code program.dat}) and read back after a restart, so what must survive is in its fields: the
 * commit resolved before the first write (saved at once with {@link StepContext#saveState()}), which
 * the resumed sync deploys instead of wherever the branch points by then; and the lock holder, named
 * after the run and this step's flow node, so the resumed step takes its own environment lock again
 * instead of waiting for it to expire. When Jenkins shuts down, running syncs are interrupted so the
 * engine ends its health wait and releases the lock; the build is left to be resumed, not failed.
 *
 * <p>Public, like its {@link Terminator} method: core's {@code hudson.init.TaskMethodFinder} calls it
 * by reflection from another package, which fails with {@code IllegalAccessError} on a class that is
 * not public.
 */
public class SyncStepExecution extends AbstractStepExecutionImpl {
    private static final long serialVersionUID = 2L;
    private static final Logger LOGGER = Logger.getLogger(SyncStepExecution.class.getName());
    /** Syncs running in this JVM, interrupted at shutdown. */
    private static final Set<Future<?>> RUNNING = ConcurrentHashMap.newKeySet();
    /** Counts shutdowns: a sync interrupted by one reports nothing to its (then stale) step context. */
    private static final AtomicInteger SHUTDOWNS = new AtomicInteger();

    private final GitOpsSyncStep step;
    /** The commit this step deploys, once resolved; kept across restarts. */
    private volatile String resolvedRevision;
    /** Who holds the environment's lock: this run and flow node, the same after a restart. */
    private String holder;

    private transient volatile Future<?> task;

    SyncStepExecution(GitOpsSyncStep step, StepContext context) {
        super(context);
        this.step = step;
    }

    @Override
    public boolean start() throws Exception {
        Failures.valid("gitopsSync", () -> step.arguments().validate("gitopsSync"));
        holder = GitOpsStep.holder(getContext());
        begin(false);
        return false;
    }

    /** Not calling super: nothing is injected; the sync simply runs again, at the commit it resolved. */
    @Override
    public void onResume() {
        begin(true);
    }

    @Override
    public void stop(Throwable cause) throws Exception {
        Future<?> running = task;
        if (running != null) {
            running.cancel(true);
        }
        getContext().onFailure(cause);
    }

    @Override
    public String getStatus() {
        return (task == null ? "not started: " : "syncing: ") + step.getEnvironment()
                + (resolvedRevision == null ? "" : " at " + resolvedRevision);
    }

    /**
     * Ends the health waits of running syncs, so the engine releases their locks before Jenkins goes
     * down (waiting up to 10 s for that), and the resumed step can take the lock again.
     */
    @Terminator
    public static void interruptRunningSyncs() throws InterruptedException {
        SHUTDOWNS.incrementAndGet();
        RUNNING.forEach(running -> running.cancel(true));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!RUNNING.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    /** Keeps the resolved commit in the execution and asks Pipeline to save it before the sync writes anything. */
    private void keep(String commit) {
        if (commit.equals(resolvedRevision)) {
            return;
        }
        resolvedRevision = commit;
        try {
            getContext().saveState().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            // the program is saved again at the next checkpoint; a restart before it resolves anew
            LOGGER.log(Level.FINE, "could not save the resolved revision of " + step.getEnvironment() + " yet", e);
        }
    }

    private void begin(boolean resumed) {
        SyncArguments arguments = step.arguments();
        int shutdowns = SHUTDOWNS.get();
        FutureTask<Void> sync = new FutureTask<>(() -> {
            StepContext context = getContext();
            try {
                TaskListener log = context.get(TaskListener.class);
                if (holder == null) {
                    holder = GitOpsStep.holder(context); // an execution saved by an older version of this plugin
                }
                if (resumed) {
                    log.getLogger().println(BuildLog.PREFIX + "Jenkins restarted during gitopsSync of "
                            + arguments.environment() + "; syncing again"
                            + (resolvedRevision == null ? "" : " at " + resolvedRevision)
                            + " (a sync is idempotent) and waiting for health");
                }
                context.onSuccess(SyncRunner.run("gitopsSync", arguments, context.get(Run.class), log, holder,
                        resolvedRevision, this::keep));
            } catch (Throwable t) {
                if (SHUTDOWNS.get() == shutdowns) {
                    context.onFailure(t);
                }
            }
        }, null);
        RUNNING.add(sync);
        task = sync;
        Computer.threadPoolForRemoting.execute(() -> {
            try {
                sync.run();
            } finally {
                RUNNING.remove(sync);
            }
        });
    }
}
