package io.jenkins.plugins.gitops.cli.agent;

import io.jenkins.plugins.gitops.engine.GitOps;
import io.jenkins.plugins.gitops.engine.api.DriftReport;
import io.jenkins.plugins.gitops.engine.api.PreviewResult;
import io.jenkins.plugins.gitops.engine.config.Durations;
import io.jenkins.plugins.gitops.engine.model.Environment;
import io.jenkins.plugins.gitops.engine.model.PreviewSpec;
import io.jenkins.plugins.gitops.engine.model.ProjectConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The production checker: environments and intervals from gitops.yaml (read once, when the agent
 * starts), each check a {@link GitOps#drift} call, which heals or syncs where the environment's
 * policy says so unless healing is turned off; after each check the environment's delivery gauges
 * ({@code gitops_delivery_*}, trailing {@link #DELIVERY_WINDOW}) are refreshed and, when it declares
 * {@code preview.ttl}, its previews idle past the ttl are deleted (as the Jenkins plugin's drift worker does).
 */
public final class GitOpsChecker implements EnvironmentChecker {
    /** The trailing window of the {@code gitops_delivery_*} gauges. */
    public static final Duration DELIVERY_WINDOW = Duration.ofDays(30);
    private static final Logger LOG = LoggerFactory.getLogger(GitOpsChecker.class);
    private final GitOps gitOps;
    private final Map<String, Environment> environments;
    /** The {@code preview:} sections of gitops.yaml as read at start (like the environments and intervals). */
    private final Map<String, PreviewSpec> previews;
    private final boolean allowHeal;

    /**
     * @param selected the environments to watch (empty: all); an unknown name is an error listing the known ones
     * @param allowHeal false for report-only ({@code --no-heal})
     */
    public GitOpsChecker(GitOps gitOps, List<String> selected, boolean allowHeal) {
        this.gitOps = gitOps;
        this.allowHeal = allowHeal;
        ProjectConfig config = gitOps.config(null);
        this.environments = select(config, selected);
        this.previews = config.previews();
    }

    private static Map<String, Environment> select(ProjectConfig config, List<String> selected) {
        if (selected.isEmpty()) {
            return config.environments();
        }
        Map<String, Environment> chosen = new LinkedHashMap<>();
        for (String name : selected) {
            chosen.put(name, config.environment(name));
        }
        return chosen;
    }

    @Override
    public List<String> environments() {
        return List.copyOf(environments.keySet());
    }

    @Override
    public Duration interval(String environment) {
        return environments.get(environment).driftInterval();
    }

    @Override
    public DriftReport check(String environment) {
        DriftReport report = gitOps.drift(environment, allowHeal);
        updateDelivery(environment);
        expirePreviews(environment);
        return report;
    }

    /**
     * Deletes the environment's previews idle past its {@code preview.ttl} (docs/previews.md). Expiry
     * deletes, so it is left out with {@code --no-heal} (report only); a failure is logged and never fails
     * the check of the template environment.
     */
    private void expirePreviews(String environment) {
        PreviewSpec spec = previews.get(environment);
        if (spec == null || spec.ttl() == null || !allowHeal) {
            return;
        }
        try {
            for (PreviewResult deleted : gitOps.previewPrune(environment, null)) {
                if (deleted.succeeded()) {
                    LOG.info("{}: deleted preview {} (idle past its ttl of {})", environment, deleted.name(),
                            Durations.format(spec.ttl()));
                } else {
                    LOG.error("{}: deleting preview {} (idle past its ttl) failed: {}", environment, deleted.name(),
                            deleted.sync().message());
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("{}: previews not expired: {}", environment, e.getMessage());
        }
    }

    /** Refreshes the delivery gauges over {@link #DELIVERY_WINDOW}; a failure there never fails the check. */
    private void updateDelivery(String environment) {
        Instant now = Instant.now();
        try {
            gitOps.metrics().setDelivery(gitOps.delivery(environment, now.minus(DELIVERY_WINDOW), now));
        } catch (RuntimeException e) {
            LOG.warn("{}: delivery metrics not updated: {}", environment, e.getMessage());
        }
    }
}
