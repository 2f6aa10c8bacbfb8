package io.jenkins.plugins.gitops;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.AbstractDescribableImpl;
import hudson.model.Descriptor;
import hudson.security.ACL;
import hudson.util.ListBoxModel;
import java.util.List;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.docker.commons.credentials.DockerServerCredentials;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * How Jenkins reaches one environment's target. gitops.yaml says what kind of target (Kubernetes
 * namespace, Swarm stack); this says which cluster or daemon and with which credentials, because
 * the repository never holds secrets.
 */
public class EnvironmentTarget extends AbstractDescribableImpl<EnvironmentTarget> {
    private final String environment;
    private String credentialsId;
    private String context;
    private String dockerHost;

    @DataBoundConstructor
    public EnvironmentTarget(String environment) {
        this.environment = Util.fixEmptyAndTrim(environment);
    }

    public String getEnvironment() {
        return environment;
    }

    /** Kubernetes: secret file or secret text holding a kubeconfig. Swarm: Docker server (TLS) credentials. */
    @CheckForNull
    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = Util.fixEmptyAndTrim(credentialsId);
    }

    /** Kubernetes: kubeconfig context overriding gitops.yaml's, or null. */
    @CheckForNull
    public String getContext() {
        return context;
    }

    @DataBoundSetter
    public void setContext(String context) {
        this.context = Util.fixEmptyAndTrim(context);
    }

    /** Swarm: {@code tcp://manager:2376} or {@code unix:///var/run/docker.sock}; null for DOCKER_HOST. */
    @CheckForNull
    public String getDockerHost() {
        return dockerHost;
    }

    @DataBoundSetter
    public void setDockerHost(String dockerHost) {
        this.dockerHost = Util.fixEmptyAndTrim(dockerHost);
    }

    @Extension
    @Symbol("environmentTarget")
    public static class DescriptorImpl extends Descriptor<EnvironmentTarget> {
        @NonNull
        @Override
        public String getDisplayName() {
            return "Environment target";
        }

        @POST
        public ListBoxModel doFillCredentialsIdItems(@QueryParameter String credentialsId) {
            if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER)) {
                return new StandardListBoxModel().includeCurrentValue(credentialsId);
            }
            return new StandardListBoxModel().includeEmptyValue()
                    // Global scope only: steps look credentials up in the run's context, where System-scoped ones
                    // are not found (credentials SystemCredentialsProvider: items never see CredentialsScope.SYSTEM)
                    .includeMatchingAs(ACL.SYSTEM2, Jenkins.get(), StandardCredentials.class, List.of(),
                            CredentialsMatchers.allOf(CredentialsMatchers.not(CredentialsMatchers.withScope(
                                    CredentialsScope.SYSTEM)), CredentialsMatchers.anyOf(CredentialsMatchers.instanceOf(FileCredentials.class),
                                    CredentialsMatchers.instanceOf(StringCredentials.class),
                                    CredentialsMatchers.instanceOf(DockerServerCredentials.class))))
                    .includeCurrentValue(credentialsId);
        }
    }
}
