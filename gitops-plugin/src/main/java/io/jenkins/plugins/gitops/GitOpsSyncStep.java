package io.jenkins.plugins.gitops;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import io.jenkins.plugins.gitops.engine.pipeline.SyncArguments;
import java.io.Serializable;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code gitopsSync environment: 'staging'}: make an environment match Git (render, validate, apply,
 * prune, wait healthy) and return {@code [revision:, created:, updated:, deleted:, unchanged:, health:, recordId:]}.
 * Serializable because its execution re-runs it after a controller restart.
 */
public class GitOpsSyncStep extends GitOpsStep {
    private static final long serialVersionUID = 1L;

    private final String environment;
    private String revision;
    private Boolean prune;
    private boolean dryRun;
    private String timeout;
    private boolean wait = true;
    private boolean allowEmpty;
    private String overrideWindow;

    @DataBoundConstructor
    public GitOpsSyncStep(String environment) {
        this.environment = Util.fixEmptyAndTrim(environment);
    }

    public String getEnvironment() {
        return environment;
    }

    @CheckForNull
    public String getRevision() {
        return revision;
    }

    @DataBoundSetter
    public void setRevision(String revision) {
        this.revision = Util.fixEmptyAndTrim(revision);
    }

    @CheckForNull
    public Boolean getPrune() {
        return prune;
    }

    @DataBoundSetter
    public void setPrune(Boolean prune) {
        this.prune = prune;
    }

    public boolean isDryRun() {
        return dryRun;
    }

    @DataBoundSetter
    public void setDryRun(boolean dryRun) {
        this.dryRun = dryRun;
    }

    @CheckForNull
    public String getTimeout() {
        return timeout;
    }

    @DataBoundSetter
    public void setTimeout(String timeout) {
        this.timeout = Util.fixEmptyAndTrim(timeout);
    }

    public boolean isWait() {
        return wait;
    }

    @DataBoundSetter
    public void setWait(boolean wait) {
        this.wait = wait;
    }

    public boolean isAllowEmpty() {
        return allowEmpty;
    }

    /** Lets this sync delete every object of the environment when Git renders none (otherwise refused). */
    @DataBoundSetter
    public void setAllowEmpty(boolean allowEmpty) {
        this.allowEmpty = allowEmpty;
    }

    @CheckForNull
    public String getOverrideWindow() {
        return overrideWindow;
    }

    /** Why to sync although the environment's deployment windows are closed; recorded in the history (docs/windows.md). */
    @DataBoundSetter
    public void setOverrideWindow(String overrideWindow) {
        this.overrideWindow = Util.fixEmptyAndTrim(overrideWindow);
    }

    SyncArguments arguments() {
        return new SyncArguments(environment, repository, revision, credentialsId, targetCredentialsId, prune, dryRun,
                wait, timeout, allowEmpty, overrideWindow);
    }

    @Override
    public StepExecution start(StepContext context) {
        return new SyncStepExecution(this, context);
    }

    @Extension
    public static class DescriptorImpl extends GitOpsStepDescriptor {
        @Override
        public String getFunctionName() {
            return "gitopsSync";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "Sync a GitOps environment with Git";
        }

        @Override
        public String argumentsToString(@NonNull Map<String, Object> namedArgs) {
            return Summaries.environment(namedArgs);
        }
    }
}
