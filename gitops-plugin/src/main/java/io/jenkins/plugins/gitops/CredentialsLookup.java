package io.jenkins.plugins.gitops;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.IdCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Item;
import hudson.model.Queue;
import hudson.model.Run;
import hudson.model.queue.Tasks;
import hudson.security.ACL;
import java.util.List;
import jenkins.model.Jenkins;
import org.springframework.security.core.Authentication;

/**
 * Where credentials are looked up, and who takes environment locks: a run's step (Pipeline steps), a
 * job (the job page's rollback) or the global store (the drift worker, which runs for no job).
 */
abstract class CredentialsLookup {
    private final String holder;
    private final String link;

    private CredentialsLookup(String holder, String link) {
        this.holder = holder;
        this.link = link;
    }

    @CheckForNull
    abstract <C extends IdCredentials> C find(String id, Class<C> type);

    /** Who takes the environment locks (see {@code LeaseHolders}); named to whoever they refuse. */
    final String holder() {
        return holder;
    }

    /**
     * Where notifications of this use of the engine link to (docs/notifications.md): the build, the job, or
     * Jenkins itself; null when Jenkins' URL is not configured (Manage Jenkins &gt; System &gt; Jenkins URL).
     */
    @CheckForNull
    final String link() {
        return link;
    }

    /** The absolute URL of a page of this controller ({@code Run.getUrl()}, {@code Item.getUrl()}), or null. */
    @CheckForNull
    private static String absolute(String relative) {
        String root = Jenkins.get().getRootUrl();
        return root == null ? null : root + relative;
    }

    /** As the run's authentication would see them, tracked as used by the run. */
    static CredentialsLookup forRun(Run<?, ?> run, String holder) {
        return new CredentialsLookup(holder, absolute(run.getUrl())) {
            @Override
            <C extends IdCredentials> C find(String id, Class<C> type) {
                return CredentialsProvider.track(run, CredentialsProvider.findCredentialById(id, type, run));
            }
        };
    }

    /**
     * The job's credentials, as a build of the job sees those it did not get as parameters (credentials
     * plugin, {@code CredentialsProvider.findCredentialById(String, Class, Run, List)}): found with the
     * job's default authentication ({@link Tasks#getAuthenticationOf2}: SYSTEM unless a
     * QueueItemAuthenticator says otherwise), then with SYSTEM when that authentication may use the
     * item's credentials; tracked as used by the job.
     */
    static CredentialsLookup forItem(Item item, String holder) {
        return new CredentialsLookup(holder, absolute(item.getUrl())) {
            @Override
            <C extends IdCredentials> C find(String id, Class<C> type) {
                Authentication auth = item instanceof Queue.Task task ? Tasks.getAuthenticationOf2(task) : ACL.SYSTEM2;
                C found = CredentialsProvider.findCredentialByIdInItem(id, type, item, auth, List.of());
                if (found == null && auth != ACL.SYSTEM2 && item.hasPermission2(auth, CredentialsProvider.USE_ITEM)) {
                    found = CredentialsProvider.findCredentialByIdInItem(id, type, item, ACL.SYSTEM2, List.of());
                }
                return CredentialsProvider.track(item, found);
            }
        };
    }

    /** Global credentials only (configured by an administrator in the GitOps configuration). */
    static CredentialsLookup global(String holder) {
        return new CredentialsLookup(holder, absolute("")) {
            @Override
            <C extends IdCredentials> C find(String id, Class<C> type) {
                return CredentialsProvider.findCredentialByIdInItemGroup(id, type, Jenkins.get(), ACL.SYSTEM2, List.of());
            }
        };
    }
}
