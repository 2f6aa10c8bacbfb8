package io.jenkins.plugins.gitops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.StepConfigTester;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** Every step survives the Snippet Generator's form, and its summary reads well in stage views. */
@WithJenkins
@Timeout(300)
class StepConfigRoundTripTest {

    @Test
    void syncStep(JenkinsRule r) throws Exception {
        GitOpsSyncStep step = new GitOpsSyncStep("staging");
        step.setRevision("release-1.5");
        step.setRepository("https://git.example/ops.git");
        step.setCredentialsId("git");
        step.setTargetCredentialsId("kube");
        step.setDryRun(true);
        step.setWait(false);
        step.setTimeout("10m");
        step.setAllowEmpty(true);
        step.setOverrideWindow("hotfix for INC-42");
        r.assertEqualDataBoundBeans(step, new StepConfigTester(r).configRoundTrip(step));
        r.assertEqualDataBoundBeans(new GitOpsSyncStep("development"),
                new StepConfigTester(r).configRoundTrip(new GitOpsSyncStep("development")));
    }

    @Test
    void pruneRoundTripsThroughTheSnippetGeneratorInAllThreeStates(JenkinsRule r) throws Exception {
        for (Boolean prune : new Boolean[] {Boolean.TRUE, Boolean.FALSE, null}) {
            GitOpsSyncStep step = new GitOpsSyncStep("staging");
            step.setPrune(prune);

            GitOpsSyncStep after = new StepConfigTester(r).configRoundTrip(step);

            assertThat(after.getPrune()).as("prune " + prune).isEqualTo(prune);
            r.assertEqualDataBoundBeans(step, after);
        }
    }

    @Test
    void pruneIsAPipelineArgumentThatRoundTripsThroughTheStepModel(JenkinsRule r) throws Exception {
        StepDescriptor descriptor = r.jenkins.getDescriptorByType(GitOpsSyncStep.DescriptorImpl.class);
        GitOpsSyncStep step = (GitOpsSyncStep) descriptor.newInstance(Map.of("environment", "staging", "prune", false));

        assertThat(step.getPrune()).isFalse();
        assertThat(descriptor.defineArguments(step)).containsEntry("prune", false).containsEntry("environment", "staging");
    }

    @Test
    void diffStep(JenkinsRule r) throws Exception {
        GitOpsDiffStep step = new GitOpsDiffStep("production");
        step.setRevision("main");
        r.assertEqualDataBoundBeans(step, new StepConfigTester(r).configRoundTrip(step));
    }

    @Test
    void promoteStep(JenkinsRule r) throws Exception {
        GitOpsPromoteStep step = new GitOpsPromoteStep("staging", "production");
        step.setApprovedBy("carol");
        step.setSync(false);
        step.setOverrideWindow("customer demo");
        r.assertEqualDataBoundBeans(step, new StepConfigTester(r).configRoundTrip(step));
    }

    @Test
    void rollbackStep(JenkinsRule r) throws Exception {
        GitOpsRollbackStep step = new GitOpsRollbackStep("production");
        step.setTo("previous");
        step.setMode("direct");
        step.setOverrideWindow("bad release");
        r.assertEqualDataBoundBeans(step, new StepConfigTester(r).configRoundTrip(step));
    }

    @Test
    void statusStep(JenkinsRule r) throws Exception {
        GitOpsStatusStep step = new GitOpsStatusStep("staging");
        step.setCredentialsId("git");
        r.assertEqualDataBoundBeans(step, new StepConfigTester(r).configRoundTrip(step));
    }

    @Test
    void summariesNameTheEnvironments(JenkinsRule r) {
        StepDescriptor sync = r.jenkins.getDescriptorByType(GitOpsSyncStep.DescriptorImpl.class);
        StepDescriptor promote = r.jenkins.getDescriptorByType(GitOpsPromoteStep.DescriptorImpl.class);

        assertThat(sync.argumentsToString(Map.of("environment", "staging", "revision", "v1.5")))
                .isEqualTo("staging @ v1.5");
        assertThat(promote.argumentsToString(Map.of("from", "staging", "to", "production")))
                .isEqualTo("staging \u2192 production");
    }
}
