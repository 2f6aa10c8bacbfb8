package io.jenkins.plugins.gitops;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.util.FormValidation;
import io.jenkins.plugins.gitops.engine.GitOpsException;
import io.jenkins.plugins.gitops.engine.pipeline.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The GitOps repositories this controller deploys from, their credentials, and the drift worker's
 * settings. Configuration as Code: {@code unclassified: gitops: repositories: [...]}.
 */
@Extension
@Symbol("gitops")
public class GitOpsConfiguration extends GlobalConfiguration {
    static final String DEFAULT_DRIFT_INTERVAL = "5m";

    private List<GitOpsRepository> repositories = new ArrayList<>();
    private String driftInterval = DEFAULT_DRIFT_INTERVAL;
    private boolean selfHealAllowed;

    public GitOpsConfiguration() {
        load();
    }

    public static GitOpsConfiguration get() {
        return GlobalConfiguration.all().getInstance(GitOpsConfiguration.class);
    }

    @NonNull
    public List<GitOpsRepository> getRepositories() {
        return repositories == null ? List.of() : List.copyOf(repositories);
    }

    @DataBoundSetter
    public void setRepositories(List<GitOpsRepository> repositories) {
        this.repositories = repositories == null ? new ArrayList<>() : new ArrayList<>(repositories);
        save();
    }

    /** The drift worker checks an environment at most this often (gitops.yaml may ask for less often). */
    public String getDriftInterval() {
        return driftInterval == null || driftInterval.isBlank() ? DEFAULT_DRIFT_INTERVAL : driftInterval;
    }

    @DataBoundSetter
    public void setDriftInterval(String driftInterval) {
        Durations.parse("driftInterval", driftInterval);
        this.driftInterval = driftInterval;
        save();
    }

    public Duration driftFloor() {
        return Durations.parse("driftInterval", getDriftInterval());
    }

    /** Whether the drift worker may heal environments whose gitops.yaml says {@code selfHeal: true}. */
    public boolean isSelfHealAllowed() {
        return selfHealAllowed;
    }

    @DataBoundSetter
    public void setSelfHealAllowed(boolean selfHealAllowed) {
        this.selfHealAllowed = selfHealAllowed;
        save();
    }

    /**
     * The configured repository with this URL, or (for null) the first one. A URL that is not
     * configured is used as given, without credentials unless the step names some.
     */
    @NonNull
    public GitOpsRepository repository(@CheckForNull String url) {
        List<GitOpsRepository> all = getRepositories();
        if (url == null || url.isBlank()) {
            if (all.isEmpty()) {
                throw new GitOpsException("No GitOps repository is configured: add one under Manage Jenkins > System >"
                        + " GitOps, or pass repository: to the step");
            }
            return all.get(0);
        }
        return all.stream().filter(r -> r.getUrl().equals(url.trim())).findFirst()
                .orElseGet(() -> new GitOpsRepository(url.trim()));
    }

    @POST
    public FormValidation doCheckDriftInterval(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        try {
            Durations.parse("driftInterval", value);
            return FormValidation.ok();
        } catch (GitOpsException e) {
            return FormValidation.error(e.getMessage());
        }
    }
}
