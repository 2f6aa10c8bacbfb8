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
import org.jenkinsci.plugins.workflow.steps.AbstractStepExecutionImpl;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * Runs a sync, including the wait for health that can take minutes, on a background thread, so the
 * step survives a controller restart: after the restart {@link #onResume} runs the same sync again.
 * That is safe because a sync is idempotent: it makes the environment match one revision of Git, so
 * objects already applied before the restart come out unchanged and the wait for health resumes.
 * The revision is the one given to the step (or the branch head at the time of the second run).
 * When Jenkins shuts down, running syncs are interrupted so that the engine ends its health wait and
 * releases the environment's lock; the build is left to be resumed, not failed or recorded.
 */
class SyncStepExecution extends AbstractStepExecutionImpl {
    private static final long serialVersionUID = 1L;

    private final GitOpsSyncStep step;
    /** Syncs running in this JVM, interrupted at shutdown. */
    private static final Set<Future<?>> RUNNING = ConcurrentHashMap.newKeySet();
    /** Counts shutdowns: a sync interrupted by one reports nothing to its (then stale) step context. */
    private static final AtomicInteger SHUTDOWNS = new AtomicInteger();

    private transient volatile Future<?> task;

    SyncStepExecution(GitOpsSyncStep step, StepContext context) {
        super(context);
        this.step = step;
    }

    @Override
    public boolean start() throws Exception {
        Failures.valid("gitopsSync", () -> step.arguments().validate("gitopsSync"));
        begin(false);
        return false;
    }

    /** Not calling super: nothing is injected; the sync simply runs again. */
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
        return (task == null ? "not started: " : "syncing: ") + step.getEnvironment();
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

    private void begin(boolean resumed) {
        SyncArguments arguments = step.arguments();
        int shutdowns = SHUTDOWNS.get();
        FutureTask<Void> sync = new FutureTask<>(() -> {
            StepContext context = getContext();
            try {
                TaskListener log = context.get(TaskListener.class);
                if (resumed) {
                    log.getLogger().println(BuildLog.PREFIX + "Jenkins restarted during gitopsSync of "
                            + arguments.environment() + "; syncing again (a sync is idempotent) and waiting for health");
                }
                context.onSuccess(SyncRunner.run("gitopsSync", arguments, context.get(Run.class), log));
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
