package io.jenkins.plugins.gitops.engine.verify;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.model.SignatureRule;
import io.jenkins.plugins.gitops.engine.source.CommitSigning;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.eclipse.jgit.api.errors.CanceledException;
import org.eclipse.jgit.api.errors.UnsupportedSigningFormatException;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.GpgConfig;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.signing.ssh.SshSignerFactory;

/**
 * How the engine's own commits (promotions, revert rollbacks) pass an environment that verifies
 * signatures: the engine vouches only for commits on top of a verified one, and signs with its own key.
 * <ol>
 * <li>the parent (the branch tip the commit goes on, fetched again on every push attempt) is checked
 *     under the environment's rule, so a signature by the engine never launders an unsigned commit;</li>
 * <li>the commit is signed with the SSH private key given to the engine ({@code --signing-key}; JGit's
 *     SSH signer, the format of {@code git commit -S} with {@code gpg.format=ssh});</li>
 * <li>the signed commit is checked against the trusted keys like any other before it is written, so an
 *     engine key missing from allowed_signers is refused here rather than at the next sync.</li>
 * </ol>
 * Without a signing key, {@code required} refuses (before anything is written) and {@code warn} warns.
 */
public final class EngineCommitSigner implements CommitSigning {
    private final SignatureRule rule;
    private final String environment;
    private final Path signingKey;
    private final CommitVerifier verifier;
    private final Consumer<String> warnings;

    public EngineCommitSigner(SignatureRule rule, String environment, Path signingKey, CommitVerifier verifier,
            Consumer<String> warnings) {
        this.rule = rule;
        this.environment = environment;
        this.signingKey = signingKey;
        this.verifier = verifier;
        this.warnings = warnings;
    }

    /** Refuses up front when {@code required} applies and the engine has no key to sign its commit with. */
    public void checkCanSign(String operation) {
        if (rule == SignatureRule.REQUIRED && signingKey == null) {
            throw new InvalidInputException(operation + " refused: '" + environment + "' has verify.signatures: required, "
                    + "and the commit the engine would write on top would be unsigned; give the engine an SSH signing key "
                    + "whose public key is in the trusted allowed_signers (--signing-key FILE; Jenkins: the global "
                    + "configuration's signing key), or make the change by a signed commit of your own");
        }
    }

    @Override
    public void sign(Repository repository, CommitBuilder commit) throws IOException {
        if (rule != SignatureRule.OFF) {
            for (ObjectId parent : commit.getParentIds()) {
                try (RevWalk walk = new RevWalk(repository)) {
                    SignatureGate.enforce(rule, environment, "the branch tip the engine's commit goes on,",
                            verifier.verify(repository, walk.parseCommit(parent)), warnings);
                }
            }
        }
        if (signingKey == null) {
            checkCanSign("the engine's commit");
            if (rule == SignatureRule.WARN) {
                warnings.accept("the engine's commit for '" + environment + "' is not signed: no signing key given "
                        + "(verify.signatures: warn)");
            }
            return;
        }
        byte[] unsigned = commit.build();
        GpgConfig config = new GpgConfig(new Config()); // nothing from the repository or ~/.gitconfig
        try {
            new SshSignerFactory().create().signObject(repository, config, commit, commit.getCommitter(),
                    signingKey.toString(), null);
        } catch (CanceledException | UnsupportedSigningFormatException | RuntimeException e) {
            throw new InvalidInputException("cannot sign the engine's commit with --signing-key " + signingKey + ": "
                    + e.getMessage() + "; give an unencrypted SSH private key (ssh-keygen -t ed25519 -N '')", e);
        }
        if (rule != SignatureRule.OFF) {
            byte[] signature = commit.getGpgSignature().toExternalString().getBytes(StandardCharsets.UTF_8);
            CommitSignature own = verifier.verify(repository, "(new commit)", unsigned, signature);
            if (!own.verified()) {
                throw new InvalidInputException("the engine's commit for '" + environment + "' would not pass its own "
                        + "check: signed by " + own.describeSigner() + ", " + own.detail() + "; add the public key of "
                        + "--signing-key " + signingKey + " to the trusted allowed_signers file");
            }
        }
    }
}
