package io.jenkins.plugins.gitops.engine.source;

import java.io.IOException;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Repository;

/**
 * Called by {@link GitSource#commitAndPush} with each commit it is about to write, complete but for its
 * signature: may check its parent, sign it ({@link CommitBuilder#setGpgSignature}) or refuse (throw) before
 * anything is written or pushed. See {@code verify.EngineCommitSigner}.
 */
@FunctionalInterface
public interface CommitSigning {
    /** Commits stay as they are. */
    CommitSigning NONE = (repository, commit) -> { };

    void sign(Repository repository, CommitBuilder commit) throws IOException;
}
