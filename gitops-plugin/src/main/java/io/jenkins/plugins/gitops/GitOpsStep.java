package io.jenkins.plugins.gitops;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Util;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.io.Serializable;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * What every GitOps step shares: which repository (default: the global configuration's) and which
 * credentials for Git and for the target. Each step adds its own arguments.
 */
public abstract class GitOpsStep extends Step implements Serializable {
    private static final long serialVersionUID = 1L;

    String repository;
    String credentialsId;
    String targetCredentialsId;

    @CheckForNull
    public String getRepository() {
        return repository;
    }

    @DataBoundSetter
    public void setRepository(String repository) {
        this.repository = Util.fixEmptyAndTrim(repository);
    }

    @CheckForNull
    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = Util.fixEmptyAndTrim(credentialsId);
    }

    @CheckForNull
    public String getTargetCredentialsId() {
        return targetCredentialsId;
    }

    @DataBoundSetter
    public void setTargetCredentialsId(String targetCredentialsId) {
        this.targetCredentialsId = Util.fixEmptyAndTrim(targetCredentialsId);
    }

    /** Every GitOps step runs in a build and writes to its log. */
    public abstract static class GitOpsStepDescriptor extends StepDescriptor {
        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class);
        }
    }
}
