package io.jenkins.plugins.gitops;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.AbstractDescribableImpl;
import hudson.model.Descriptor;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.gitops.engine.notify.Receiver;
import java.util.List;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * A notification receiver that gitops.yaml names (docs/notifications.md): its name, its payload type, and the
 * secret text credentials holding its URL (and, for a generic webhook, a bearer token). The repository only names
 * receivers; their addresses are the administrator's, kept in credentials.
 */
public class NotificationReceiver extends AbstractDescribableImpl<NotificationReceiver> {
    private final String name;
    private String type = Receiver.Type.WEBHOOK.id();
    private String credentialsId;
    private String tokenCredentialsId;

    @DataBoundConstructor
    public NotificationReceiver(String name) {
        this.name = Util.fixEmptyAndTrim(name);
    }

    /** The name gitops.yaml's {@code notifications:} uses, e.g. {@code ops-slack}. */
    public String getName() {
        return name;
    }

    /** {@code webhook} (generic JSON) or {@code slack} (Slack-compatible incoming webhook). */
    @NonNull
    public String getType() {
        return type == null ? Receiver.Type.WEBHOOK.id() : type;
    }

    @DataBoundSetter
    public void setType(String type) {
        this.type = Receiver.Type.parse(Util.fixEmptyAndTrim(type) == null ? "webhook" : type, "type").id();
    }

    /** Secret text credentials holding the receiver's URL. */
    @CheckForNull
    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = Util.fixEmptyAndTrim(credentialsId);
    }

    /** Secret text credentials holding a bearer token for a generic webhook, or null. */
    @CheckForNull
    public String getTokenCredentialsId() {
        return tokenCredentialsId;
    }

    @DataBoundSetter
    public void setTokenCredentialsId(String tokenCredentialsId) {
        this.tokenCredentialsId = Util.fixEmptyAndTrim(tokenCredentialsId);
    }

    @Extension
    @Symbol("gitopsReceiver")
    public static class DescriptorImpl extends Descriptor<NotificationReceiver> {
        @NonNull
        @Override
        public String getDisplayName() {
            return "Notification receiver";
        }

        @POST
        public ListBoxModel doFillTypeItems() {
            ListBoxModel items = new ListBoxModel();
            items.add("Generic JSON webhook", Receiver.Type.WEBHOOK.id());
            items.add("Slack-compatible incoming webhook", Receiver.Type.SLACK.id());
            return items;
        }

        @POST
        public ListBoxModel doFillCredentialsIdItems(@QueryParameter String credentialsId) {
            return secretTexts(credentialsId);
        }

        @POST
        public ListBoxModel doFillTokenCredentialsIdItems(@QueryParameter String tokenCredentialsId) {
            return secretTexts(tokenCredentialsId);
        }

        private static ListBoxModel secretTexts(String current) {
            if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER)) {
                return new StandardListBoxModel().includeCurrentValue(current);
            }
            return new StandardListBoxModel().includeEmptyValue()
                    .includeMatchingAs(ACL.SYSTEM2, Jenkins.get(), StandardCredentials.class, List.of(),
                            CredentialsMatchers.instanceOf(StringCredentials.class))
                    .includeCurrentValue(current);
        }

        @POST
        public FormValidation doCheckName(@QueryParameter String value) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            String name = Util.fixEmptyAndTrim(value);
            return name != null && Receiver.NAME.matcher(name).matches() ? FormValidation.ok()
                    : FormValidation.error("The name gitops.yaml uses: lower-case letters, digits and '-' (e.g. ops-slack)");
        }
    }
}
