package io.jenkins.plugins.gitops;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import com.cloudbees.jenkins.plugins.sshcredentials.SSHUserPrivateKey;
import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import hudson.Extension;
import hudson.Util;
import hudson.security.ACL;
import hudson.util.ListBoxModel;
import hudson.util.FormValidation;
import io.jenkins.plugins.gitops.engine.GitOpsException;
import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.pipeline.ControllerAccess;
import io.jenkins.plugins.gitops.engine.pipeline.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * The GitOps repositories this controller deploys from, their credentials, the drift worker's
 * settings, what pipelines may reach of the controller itself, and the keys of {@code verify.signatures}
 * (credential ids, docs/signed-commits.md). Configuration as Code:
 * {@code unclassified: gitops: repositories: [...]}.
 */
@Extension
@Symbol("gitops")
public class GitOpsConfiguration extends GlobalConfiguration {
    static final String DEFAULT_DRIFT_INTERVAL = "5m";

    private List<GitOpsRepository> repositories = new ArrayList<>();
    private String driftInterval = DEFAULT_DRIFT_INTERVAL;
    private boolean selfHealAllowed;
    private boolean controllerCredentialsAllowed;
    private boolean unconfiguredRepositoriesAllowed;
    private String trustedKeysCredentialsId;
    private String allowedSignersCredentialsId;
    private String signingKeyCredentialsId;
    private List<NotificationReceiver> receivers = new ArrayList<>();

    public GitOpsConfiguration() {
        load();
    }

    public static GitOpsConfiguration get() {
        return GlobalConfiguration.all().getInstance(GitOpsConfiguration.class);
    }

    /**
     * The system page's form: repositories are reset first because the form leaves the key out when the
     * last one was deleted (so it would otherwise stick); a bad drift interval or a repository without a URL
     * is a form error, not an exception page or a saved entry that breaks every step.
     */
    @Override
    public boolean configure(StaplerRequest2 req, JSONObject json) throws FormException {
        try {
            Durations.parse("driftInterval", json.optString("driftInterval", DEFAULT_DRIFT_INTERVAL));
        } catch (GitOpsException e) {
            throw new FormException(e.getMessage(), "driftInterval");
        }
        List<GitOpsRepository> previous = repositories;
        repositories = new ArrayList<>();
        receivers = new ArrayList<>();
        req.bindJSON(this, json);
        if (getRepositories().stream().anyMatch(r -> r.getUrl() == null)) {
            repositories = previous; // nothing of the form is kept: the page shows the error
            throw new FormException("Every GitOps repository needs its URL (https://... or ssh://...)", "repositories");
        }
        save();
        return true;
    }

    @NonNull
    public List<GitOpsRepository> getRepositories() {
        return repositories == null ? List.of() : List.copyOf(repositories);
    }

    @DataBoundSetter
    public void setRepositories(List<GitOpsRepository> repositories) {
        this.repositories = repositories == null ? new ArrayList<>() : new ArrayList<>(repositories);
        save();
    }

    /** The notification receivers gitops.yaml may name, with the credentials holding their URLs (docs/notifications.md). */
    @NonNull
    public List<NotificationReceiver> getReceivers() {
        return receivers == null ? List.of() : List.copyOf(receivers);
    }

    @DataBoundSetter
    public void setReceivers(List<NotificationReceiver> receivers) {
        this.receivers = receivers == null ? new ArrayList<>() : new ArrayList<>(receivers);
        save();
    }

    /** The drift worker checks an environment at most this often (gitops.yaml may ask for less often). */
    public String getDriftInterval() {
        return driftInterval == null || driftInterval.isBlank() ? DEFAULT_DRIFT_INTERVAL : driftInterval;
    }

    /** @throws GitOpsException for text that is not a duration (Configuration as Code reports it) */
    @DataBoundSetter
    public void setDriftInterval(String driftInterval) {
        Durations.parse("driftInterval", driftInterval);
        this.driftInterval = driftInterval;
        save();
    }

    public Duration driftFloor() {
        return Durations.parse("driftInterval", getDriftInterval());
    }

    /** Whether the drift worker may heal environments whose gitops.yaml says {@code selfHeal: true}. */
    public boolean isSelfHealAllowed() {
        return selfHealAllowed;
    }

    @DataBoundSetter
    public void setSelfHealAllowed(boolean selfHealAllowed) {
        this.selfHealAllowed = selfHealAllowed;
        save();
    }

    /**
     * Whether steps may use what the controller itself can reach: its kubeconfig or service account,
     * its Docker socket, its {@code ~/.ssh} keys and known hosts, kubeconfigs that run commands or read
     * files. Off by default: a Jenkinsfile author would otherwise act with the controller's identity.
     */
    public boolean isControllerCredentialsAllowed() {
        return controllerCredentialsAllowed;
    }

    @DataBoundSetter
    public void setControllerCredentialsAllowed(boolean controllerCredentialsAllowed) {
        this.controllerCredentialsAllowed = controllerCredentialsAllowed;
        save();
    }

    /** Whether steps may name remote repositories that are not configured here (never a local path). Off by default. */
    public boolean isUnconfiguredRepositoriesAllowed() {
        return unconfiguredRepositoriesAllowed;
    }

    @DataBoundSetter
    public void setUnconfiguredRepositoriesAllowed(boolean unconfiguredRepositoriesAllowed) {
        this.unconfiguredRepositoriesAllowed = unconfiguredRepositoriesAllowed;
        save();
    }

    /**
     * Credentials id of the trusted OpenPGP public keys for {@code verify.signatures} (a secret file or secret
     * text with {@code gpg --export [--armor]} output), among the controller's global credentials; null for none.
     * See {@link SignatureKeys} for why only global credentials count.
     */
    @CheckForNull
    public String getTrustedKeysCredentialsId() {
        return trustedKeysCredentialsId;
    }

    @DataBoundSetter
    public void setTrustedKeysCredentialsId(String id) {
        this.trustedKeysCredentialsId = Util.fixEmptyAndTrim(id);
        save();
    }

    /** Credentials id of the SSH {@code allowed_signers} file (secret file or secret text); null for none. */
    @CheckForNull
    public String getAllowedSignersCredentialsId() {
        return allowedSignersCredentialsId;
    }

    @DataBoundSetter
    public void setAllowedSignersCredentialsId(String id) {
        this.allowedSignersCredentialsId = Util.fixEmptyAndTrim(id);
        save();
    }

    /**
     * Credentials id of the SSH key the engine signs its promotion and revert commits with (SSH username with
     * private key, unencrypted, or a secret file); null: those commits are unsigned (refused under
     * {@code required}).
     */
    @CheckForNull
    public String getSigningKeyCredentialsId() {
        return signingKeyCredentialsId;
    }

    @DataBoundSetter
    public void setSigningKeyCredentialsId(String id) {
        this.signingKeyCredentialsId = Util.fixEmptyAndTrim(id);
        save();
    }

    /** Secret files and secret texts of the global store, for the trusted keys and allowed signers. */
    @POST
    public ListBoxModel doFillTrustedKeysCredentialsIdItems(@QueryParameter String trustedKeysCredentialsId) {
        return keyItems(trustedKeysCredentialsId, false);
    }

    @POST
    public ListBoxModel doFillAllowedSignersCredentialsIdItems(@QueryParameter String allowedSignersCredentialsId) {
        return keyItems(allowedSignersCredentialsId, false);
    }

    /** SSH private keys and secret files of the global store, for the engine's signing key. */
    @POST
    public ListBoxModel doFillSigningKeyCredentialsIdItems(@QueryParameter String signingKeyCredentialsId) {
        return keyItems(signingKeyCredentialsId, true);
    }

    private static ListBoxModel keyItems(String current, boolean privateKey) {
        if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER)) {
            return new StandardListBoxModel().includeCurrentValue(current);
        }
        // Global and System scope: unlike step credentials, these keys are resolved at the root as SYSTEM
        // (SignatureKeys), where System-scoped credentials are found; System scope keeps jobs from using them
        return new StandardListBoxModel().includeEmptyValue()
                .includeMatchingAs(ACL.SYSTEM2, Jenkins.get(), StandardCredentials.class, List.of(),
                        privateKey ? CredentialsMatchers.anyOf(CredentialsMatchers.instanceOf(SSHUserPrivateKey.class),
                                CredentialsMatchers.instanceOf(FileCredentials.class))
                                : CredentialsMatchers.anyOf(CredentialsMatchers.instanceOf(FileCredentials.class),
                                        CredentialsMatchers.instanceOf(StringCredentials.class)))
                .includeCurrentValue(current);
    }

    /** The administrator's choices as the engine's access checks take them. */
    ControllerAccess access() {
        return new ControllerAccess(controllerCredentialsAllowed, unconfiguredRepositoriesAllowed);
    }

    /**
     * The configured repository with this URL, or (for null) the first one. Another URL only when
     * unconfigured repositories are allowed and it is not a path on the controller.
     *
     * @throws GitOpsException naming the fix when the repository may not be used
     */
    @NonNull
    public GitOpsRepository repository(@CheckForNull String url) {
        List<GitOpsRepository> all = getRepositories();
        if (url == null || url.isBlank()) {
            if (all.isEmpty()) {
                throw new InvalidInputException("No GitOps repository is configured:"
                        + " add one under Manage Jenkins > System > GitOps");
            }
            return all.get(0);
        }
        GitOpsRepository configured = all.stream().filter(r -> url.trim().equals(r.getUrl())).findFirst().orElse(null);
        access().checkRepository(url.trim(), configured != null);
        return configured != null ? configured : new GitOpsRepository(url.trim());
    }

    /** Whether this exact repository is one an administrator configured. */
    boolean isConfigured(String url) {
        return url != null && getRepositories().stream().anyMatch(r -> url.trim().equals(r.getUrl()));
    }

    @POST
    public FormValidation doCheckDriftInterval(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        try {
            Durations.parse("driftInterval", value);
            return FormValidation.ok();
        } catch (GitOpsException e) {
            return FormValidation.error(e.getMessage());
        }
    }
}
