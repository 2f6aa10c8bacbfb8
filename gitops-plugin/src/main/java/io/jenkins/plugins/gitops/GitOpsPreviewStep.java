package io.jenkins.plugins.gitops;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.Extension;
import hudson.Util;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.gitops.engine.pipeline.PreviewArguments;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code def url = gitopsPreview(environment: 'development', set: [IMAGE_TAG: "pr-${env.CHANGE_ID}"]).url}:
 * creates or updates the preview of an environment for the run's change request and returns
 * {@code [url:, name:, id:, environment:, revision:, created:, ..., health:, recordId:]};
 * {@code delete: true} tears it down. Argument checks live in the engine ({@link PreviewArguments}).
 */
public class GitOpsPreviewStep extends GitOpsStep {
    private static final long serialVersionUID = 1L;

    private final String environment;
    private String id;
    private Map<String, String> set = new LinkedHashMap<>();
    private boolean delete;
    private String revision;
    private String timeout;

    @DataBoundConstructor
    public GitOpsPreviewStep(String environment) {
        this.environment = Util.fixEmptyAndTrim(environment);
    }

    public String getEnvironment() {
        return environment;
    }

    @CheckForNull
    public String getId() {
        return id;
    }

    /** The change-request id; default: the run's {@code CHANGE_ID}. */
    @DataBoundSetter
    public void setId(String id) {
        this.id = Util.fixEmptyAndTrim(id);
    }

    public Map<String, String> getSet() {
        return set;
    }

    /** Variable overrides; values may be Groovy strings ({@code "pr-${env.CHANGE_ID}"}), kept as text. */
    @DataBoundSetter
    public void setSet(Map<String, Object> set) {
        Map<String, String> values = new LinkedHashMap<>();
        if (set != null) {
            set.forEach((k, v) -> values.put(String.valueOf(k), v == null ? null : v.toString()));
        }
        this.set = values;
    }

    public boolean isDelete() {
        return delete;
    }

    @DataBoundSetter
    public void setDelete(boolean delete) {
        this.delete = delete;
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
    public String getTimeout() {
        return timeout;
    }

    @DataBoundSetter
    public void setTimeout(String timeout) {
        this.timeout = Util.fixEmptyAndTrim(timeout);
    }

    PreviewArguments arguments(String changeId) {
        return new PreviewArguments(environment, id, changeId, set, delete, repository, revision, credentialsId,
                targetCredentialsId, timeout);
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(this, context);
    }

    private static final class Execution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
        private static final long serialVersionUID = 1L;
        private final transient GitOpsPreviewStep step;

        Execution(GitOpsPreviewStep step, StepContext context) {
            super(context);
            this.step = step;
        }

        @Override
        protected Map<String, Object> run() throws Exception {
            EnvVars env = getContext().get(EnvVars.class);
            PreviewArguments arguments = step.arguments(env == null ? null : env.get("CHANGE_ID"));
            return PreviewRunner.run(arguments, getContext().get(Run.class), getContext().get(TaskListener.class),
                    GitOpsStep.holder(getContext()));
        }
    }

    @Extension
    public static class DescriptorImpl extends GitOpsStepDescriptor {
        @Override
        public String getFunctionName() {
            return "gitopsPreview";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "Create, update or delete the preview environment of a change request";
        }

        @Override
        public String argumentsToString(@NonNull Map<String, Object> namedArgs) {
            return Summaries.environment(namedArgs);
        }
    }
}
