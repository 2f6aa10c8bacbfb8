package io.jenkins.plugins.gitops;

import hudson.Util;
import hudson.model.Job;
import hudson.model.Run;
import io.jenkins.plugins.gitops.engine.api.PreviewInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The job page's previews (a section of the Environments page, {@code JobPreviews/table.jelly}): the
 * previews of every template environment this job previewed or deployed, from {@link PreviewListing}, so
 * rendering calls no target. The previews this job's builds created are marked.
 */
public final class JobPreviews {
    private final List<Row> rows;
    private final List<String> notListed;

    private JobPreviews(List<Row> rows, List<String> notListed) {
        this.rows = rows;
        this.notListed = notListed;
    }

    /** Called by the Environments page's view. */
    public static JobPreviews of(Job<?, ?> job) {
        Map<String, String[]> templates = new LinkedHashMap<>();
        Set<String> ownIds = new LinkedHashSet<>();
        for (Run<?, ?> run : job.getBuilds().limit(EnvironmentsAction.MAX_BUILDS)) {
            PreviewAction action = run.getAction(PreviewAction.class);
            if (action != null) {
                for (PreviewAction.Entry e : action.getEntries()) {
                    templates.putIfAbsent(e.getRepository() + "\n" + e.getEnvironment(),
                            new String[] {e.getRepository(), e.getEnvironment()});
                    ownIds.add(e.getRepository() + "\n" + e.getEnvironment() + "\n" + e.getId());
                }
            }
        }
        for (DeployedEnvironment deployed : JobDeployments.of(job).getEnvironments()) {
            if (PreviewListing.get(deployed.getRepository(), deployed.getEnvironment()) != null) {
                templates.putIfAbsent(deployed.getRepository() + "\n" + deployed.getEnvironment(),
                        new String[] {deployed.getRepository(), deployed.getEnvironment()});
            }
        }
        List<Row> rows = new ArrayList<>();
        List<String> notListed = new ArrayList<>();
        Instant now = Instant.now();
        templates.values().forEach(t -> {
            PreviewListing.Listing listing = PreviewListing.get(t[0], t[1]);
            if (listing == null) {
                notListed.add(t[1]);
                return;
            }
            for (PreviewInfo p : listing.previews()) {
                rows.add(new Row(t[0], p, now, ownIds.contains(t[0] + "\n" + t[1] + "\n" + p.id())));
            }
        });
        return new JobPreviews(List.copyOf(rows), List.copyOf(notListed));
    }

    public List<Row> getRows() {
        return rows;
    }

    /** Template environments whose previews were not listed since Jenkins started (the drift worker lists them). */
    public List<String> getNotListed() {
        return notListed;
    }

    public boolean isEmpty() {
        return rows.isEmpty() && notListed.isEmpty();
    }

    /** One preview as the page shows it. */
    public static final class Row {
        private final String repository;
        private final PreviewInfo preview;
        private final Instant now;
        private final boolean ownedByJob;

        Row(String repository, PreviewInfo preview, Instant now, boolean ownedByJob) {
            this.repository = repository;
            this.preview = preview;
            this.now = now;
            this.ownedByJob = ownedByJob;
        }

        public String getRepository() {
            return repository;
        }

        public String getTemplate() {
            return preview.environment();
        }

        public String getId() {
            return preview.id();
        }

        public String getName() {
            return preview.name();
        }

        /** Only http(s) URLs become links (the value comes from the target). */
        public String getUrl() {
            String url = preview.url();
            return url != null && (url.startsWith("https://") || url.startsWith("http://")) ? url : null;
        }

        /** Time since its oldest recorded deployment, e.g. {@code 3 days 2 hr}; empty when none is recorded. */
        public String getAge() {
            return preview.firstDeployedAt() == null ? "" : Util.getTimeSpanString(preview.age(now).toMillis());
        }

        /** Time since its newest deployment (what {@code preview.ttl} counts). */
        public String getIdle() {
            return preview.lastDeployedAt() == null ? "" : Util.getTimeSpanString(preview.idle(now).toMillis());
        }

        public String getRevision() {
            String r = preview.revision();
            return r == null ? "" : r.length() > 12 ? r.substring(0, 12) : r;
        }

        public String getHealth() {
            return preview.health() == null ? "Unknown" : preview.health();
        }

        public String getLastResult() {
            return preview.lastResult();
        }

        public boolean isOwnedByJob() {
            return ownedByJob;
        }
    }
}
