package io.jenkins.plugins.gitops;

import hudson.model.InvisibleAction;
import hudson.model.Run;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The previews a run created or deleted (repository, template environment, id, URL), kept with the
 * run so that {@link PreviewCleanup} knows what to delete when the change request's job goes away.
 * Invisible: the build page shows previews through {@link DeploymentAction}.
 */
public class PreviewAction extends InvisibleAction {
    private static final Logger LOGGER = Logger.getLogger(PreviewAction.class.getName());

    /** One preview operation of the run; {@code deleted} when it tore the preview down. */
    public static final class Entry {
        private final String repository;
        private final String environment;
        private final String id;
        private final String url;
        private final boolean deleted;

        Entry(String repository, String environment, String id, String url, boolean deleted) {
            this.repository = repository;
            this.environment = environment;
            this.id = id;
            this.url = url;
            this.deleted = deleted;
        }

        public String getRepository() {
            return repository;
        }

        public String getEnvironment() {
            return environment;
        }

        public String getId() {
            return id;
        }

        public String getUrl() {
            return url;
        }

        public boolean isDeleted() {
            return deleted;
        }

        String key() {
            return repository + "\n" + environment + "\n" + id;
        }
    }

    private final List<Entry> entries = new ArrayList<>();

    static void record(Run<?, ?> run, String repository, String environment, String id, String url, boolean deleted) {
        synchronized (run) {
            PreviewAction action = run.getAction(PreviewAction.class);
            if (action == null) {
                action = new PreviewAction();
                run.addAction(action);
            }
            synchronized (action) {
                action.entries.add(new Entry(repository, environment, id, url, deleted));
            }
            try {
                run.save();
            } catch (IOException e) {
                LOGGER.log(Level.WARNING, "Could not save the preview of " + environment + " for " + run, e);
            }
        }
    }

    public synchronized List<Entry> getEntries() {
        return List.copyOf(entries);
    }
}
