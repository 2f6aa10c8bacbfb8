package io.jenkins.plugins.gitops;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import com.cloudbees.jenkins.plugins.sshcredentials.SSHUserPrivateKey;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.AbstractDescribableImpl;
import hudson.model.Descriptor;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/** One GitOps repository: where gitops.yaml lives, how to reach it, and how to reach each environment's target. */
public class GitOpsRepository extends AbstractDescribableImpl<GitOpsRepository> {
    private final String url;
    private String credentialsId;
    private String knownHosts;
    private List<EnvironmentTarget> targets = new ArrayList<>();

    @DataBoundConstructor
    public GitOpsRepository(String url) {
        this.url = Util.fixEmptyAndTrim(url);
    }

    /**
     * A Git URL ({@code https://}, {@code ssh://}, {@code git@host:path}), or (configured by an
     * administrator only) a local repository or a plain folder on the controller.
     */
    public String getUrl() {
        return url;
    }

    /** Username/password, SSH private key or secret text (token) credentials for Git, or null. */
    @CheckForNull
    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = Util.fixEmptyAndTrim(credentialsId);
    }

    /** SSH: the Git server's known_hosts lines, the only host keys trusted; null when not configured. */
    @CheckForNull
    public String getKnownHosts() {
        return knownHosts;
    }

    @DataBoundSetter
    public void setKnownHosts(String knownHosts) {
        this.knownHosts = Util.fixEmptyAndTrim(knownHosts);
    }

    @NonNull
    public List<EnvironmentTarget> getTargets() {
        return targets == null ? List.of() : List.copyOf(targets);
    }

    @DataBoundSetter
    public void setTargets(List<EnvironmentTarget> targets) {
        this.targets = targets == null ? new ArrayList<>() : new ArrayList<>(targets);
    }

    /** How to reach the named environment's cluster or daemon, if configured. */
    public Optional<EnvironmentTarget> target(String environment) {
        return getTargets().stream().filter(t -> t.getEnvironment().equals(environment)).findFirst();
    }

    @Extension
    @Symbol("gitopsRepository")
    public static class DescriptorImpl extends Descriptor<GitOpsRepository> {
        @NonNull
        @Override
        public String getDisplayName() {
            return "GitOps repository";
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
                                    CredentialsScope.SYSTEM)), CredentialsMatchers.anyOf(
                                    CredentialsMatchers.instanceOf(StandardUsernamePasswordCredentials.class),
                                    CredentialsMatchers.instanceOf(SSHUserPrivateKey.class),
                                    CredentialsMatchers.instanceOf(StringCredentials.class))))
                    .includeCurrentValue(credentialsId);
        }

        @POST
        public FormValidation doCheckUrl(@QueryParameter String value) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            return Util.fixEmptyAndTrim(value) == null
                    ? FormValidation.error("Give the Git URL or folder of the GitOps repository (the one with gitops.yaml)")
                    : FormValidation.ok();
        }
    }
}
