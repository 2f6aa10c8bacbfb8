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
 * Overall/SystemRead (implied by Overall/Administer; core's {@code Jenkins.SYSTEM_READ}), as the figures cover every
 * job's environments; a scraper authenticates with such a user's API token. One registry for the controller, shared by
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
        // the figures name every environment of every job: not for everyone who may see the dashboard
        Jenkins.get().checkPermission(Jenkins.SYSTEM_READ);
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
