package io.jenkins.plugins.gitops;

import hudson.AbortException;
import hudson.Extension;
import hudson.model.Item;
import hudson.model.Job;
import hudson.model.Run;
import hudson.model.listeners.ItemListener;
import hudson.util.LogTaskListener;
import io.jenkins.plugins.gitops.engine.pipeline.LeaseHolders;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.util.Timer;

/**
 * Deletes the previews of a job that is deleted: a multibranch project removes the job of a change
 * request when it is merged or closed, and its preview must not outlive it. Before the deletion the
 * job's runs are read for previews still standing (newest {@link PreviewAction} entry per preview not a
 * delete); after it, each is deleted in the background with the globally configured credentials.
 */
@Extension
public class PreviewCleanup extends ItemListener {
    private static final Logger LOGGER = Logger.getLogger(PreviewCleanup.class.getName());
    private final Map<String, List<PreviewAction.Entry>> pending = new ConcurrentHashMap<>();

    @Override
    public void onCheckDelete(Item item) {
        List<PreviewAction.Entry> standing = new ArrayList<>();
        for (Job<?, ?> job : item.getAllJobs()) {
            standing.addAll(standing(job));
        }
        if (!standing.isEmpty()) {
            pending.put(item.getFullName(), standing);
        }
    }

    @Override
    public void onDeleted(Item item) {
        List<PreviewAction.Entry> standing = pending.remove(item.getFullName());
        if (standing == null) {
            return;
        }
        for (PreviewAction.Entry entry : standing) {
            Timer.get().submit(() -> delete(item.getFullName(), entry));
        }
    }

    /** Previews whose newest recorded operation in this job is not a delete. */
    static List<PreviewAction.Entry> standing(Job<?, ?> job) {
        Set<String> seen = new HashSet<>();
        List<PreviewAction.Entry> standing = new ArrayList<>();
        for (Run<?, ?> run : job.getBuilds()) { // newest first
            PreviewAction action = run.getAction(PreviewAction.class);
            if (action == null) {
                continue;
            }
            List<PreviewAction.Entry> entries = new ArrayList<>(action.getEntries());
            java.util.Collections.reverse(entries);
            for (PreviewAction.Entry entry : entries) {
                if (seen.add(entry.key()) && !entry.isDeleted()) {
                    standing.add(entry);
                }
            }
        }
        return standing;
    }

    private static void delete(String job, PreviewAction.Entry entry) {
        LogTaskListener log = new LogTaskListener(LOGGER, Level.INFO);
        try {
            EngineSession.use("preview cleanup", entry.getRepository(), null, null, List.of(entry.getEnvironment()),
                    CredentialsLookup.global(LeaseHolders.driftWorker(Controller.id())), log, session -> session.gitOps()
                            .previewDelete(entry.getEnvironment(), entry.getId()));
            PreviewListing.deleted(entry.getRepository(), entry.getEnvironment(), entry.getId());
            LOGGER.info(() -> "Deleted the preview " + entry.getId() + " of " + entry.getEnvironment() + " made by " + job);
        } catch (AbortException | RuntimeException e) {
            LOGGER.log(Level.WARNING, "Could not delete the preview " + entry.getId() + " of " + entry.getEnvironment()
                    + " made by the deleted job " + job + "; delete it with gitops preview delete", e);
        }
    }
}
