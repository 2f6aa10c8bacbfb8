package io.jenkins.plugins.gitops;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.IdCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Item;
import hudson.model.Run;
import hudson.security.ACL;
import java.util.List;
import jenkins.model.Jenkins;

/**
 * Where credentials are looked up: a run's context (steps), a job (the job page's rollback) or the
 * global store (the drift worker, which runs for no job).
 */
abstract class CredentialsLookup {

    @CheckForNull
    abstract <C extends IdCredentials> C find(String id, Class<C> type);

    /** Who is asking, as environment locks name it to whoever they refuse. */
    abstract String holder();

    /** As the run's authentication would see them, tracked as used by the run. */
    static CredentialsLookup forRun(Run<?, ?> run) {
        return new CredentialsLookup() {
            @Override
            <C extends IdCredentials> C find(String id, Class<C> type) {
                return CredentialsProvider.track(run, CredentialsProvider.findCredentialById(id, type, run));
            }

            @Override
            String holder() {
                return "jenkins " + run.getExternalizableId();
            }
        };
    }

    /** Credentials of the job's folder chain and the global store. */
    static CredentialsLookup forItem(Item item) {
        return new CredentialsLookup() {
            @Override
            <C extends IdCredentials> C find(String id, Class<C> type) {
                return CredentialsProvider.findCredentialByIdInItem(id, type, item, ACL.SYSTEM2, List.of());
            }

            @Override
            String holder() {
                return "jenkins " + item.getFullName() + " (environments page)";
            }
        };
    }

    /** Global credentials only (configured by an administrator in the GitOps configuration). */
    static CredentialsLookup global() {
        return new CredentialsLookup() {
            @Override
            <C extends IdCredentials> C find(String id, Class<C> type) {
                return CredentialsProvider.findCredentialByIdInItemGroup(id, type, Jenkins.get(), ACL.SYSTEM2, List.of());
            }

            @Override
            String holder() {
                return "jenkins drift worker";
            }
        };
    }
}
