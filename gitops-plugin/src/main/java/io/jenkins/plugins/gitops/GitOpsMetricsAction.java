package io.jenkins.plugins.gitops;

import hudson.Extension;
import hudson.model.RootAction;
import io.jenkins.plugins.gitops.engine.metrics.GitOpsMetrics;
import java.io.IOException;
import jenkins.model.Jenkins;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;

/**
 * {@code $JENKINS_URL/gitops/metrics}: the engine's Prometheus metrics for this controller in the text
 * format (docs/delivery-metrics.md): {@code gitops_deployments_total}, {@code gitops_deployment_duration_seconds},
 * {@code gitops_rollbacks_total}, {@code gitops_drift_resources}, {@code gitops_sync_status} as the steps and the
 * drift worker record them, and the {@code gitops_delivery_*} gauges the drift worker refreshes. For users with
 * Overall/Read (a scraper authenticates with a user's API token). One registry for the controller, shared by
 * every {@link EngineSession}; it starts empty at each Jenkins start, as counters do.
 */
@Extension
public class GitOpsMetricsAction implements RootAction {
    private static final GitOpsMetrics METRICS = new GitOpsMetrics();

    /** The controller's registry. */
    static GitOpsMetrics metrics() {
        return METRICS;
    }

    /** GET {@code /gitops/metrics}. */
    public void doMetrics(StaplerRequest2 req, StaplerResponse2 rsp) throws IOException {
        Jenkins.get().checkPermission(Jenkins.READ);
        rsp.setContentType(GitOpsMetrics.CONTENT_TYPE);
        rsp.getWriter().write(METRICS.scrape());
    }

    /** Not in the side panel. */
    @Override
    public String getIconFileName() {
        return null;
    }

    @Override
    public String getDisplayName() {
        return "GitOps metrics";
    }

    @Override
    public String getUrlName() {
        return "gitops";
    }
}
