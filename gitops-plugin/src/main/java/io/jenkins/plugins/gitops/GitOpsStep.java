package io.jenkins.plugins.gitops;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Util;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.gitops.engine.pipeline.LeaseHolders;
import java.io.IOException;
import java.io.Serializable;
import java.util.Set;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
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

    /**
     * Who takes environment locks for a step: this controller, the run and the step's flow node. The
     * same for the step after a controller restart (so it takes its own lock again) and different for
     * every other step, including parallel branches of the same run.
     */
    static String holder(StepContext context) throws IOException, InterruptedException {
        Run<?, ?> run = context.get(Run.class);
        FlowNode node = context.get(FlowNode.class);
        return LeaseHolders.step(Controller.id(), run.getExternalizableId(), node == null ? "?" : node.getId());
    }

    /** Every GitOps step runs in a build, as a node of its flow graph, and writes to its log. */
    public abstract static class GitOpsStepDescriptor extends StepDescriptor {
        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class, FlowNode.class);
        }
    }
}
