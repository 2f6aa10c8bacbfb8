package io.jenkins.plugins.gitops.cli;

import io.jenkins.plugins.gitops.engine.verify.TrustedKeys;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The keys an environment with {@code verify.signatures} trusts, and the key the engine signs its own
 * commits with (docs/signed-commits.md). Never read from the repository being deployed.
 */
public final class SignatureOptions {
    @Option(names = "--trusted-keys", paramLabel = "FILE", description = "OpenPGP public keys whose commit signatures are "
            + "trusted, armored or binary (gpg --export [--armor]); repeatable (default: $GITOPS_TRUSTED_KEYS)")
    List<Path> trustedKeys = new ArrayList<>();

    @Option(names = "--allowed-signers", paramLabel = "FILE", description = "SSH allowed_signers file of trusted SSH "
            + "signing keys (default: $GITOPS_ALLOWED_SIGNERS)")
    Path allowedSigners;

    @Option(names = "--signing-key", paramLabel = "FILE", description = "unencrypted SSH private key the engine signs its "
            + "promotion and revert commits with (default: $GITOPS_SIGNING_KEY)")
    Path signingKey;

    /** The trusted keys from the options, else from the environment variables. */
    public TrustedKeys trustedKeys(Map<String, String> env) {
        List<Path> openPgp = new ArrayList<>(trustedKeys);
        if (openPgp.isEmpty() && notBlank(env.get("GITOPS_TRUSTED_KEYS"))) {
            openPgp.add(Path.of(env.get("GITOPS_TRUSTED_KEYS")));
        }
        Path signers = allowedSigners != null ? allowedSigners
                : notBlank(env.get("GITOPS_ALLOWED_SIGNERS")) ? Path.of(env.get("GITOPS_ALLOWED_SIGNERS")) : null;
        return TrustedKeys.load(openPgp, signers);
    }

    public Path signingKey(Map<String, String> env) {
        return signingKey != null ? signingKey
                : notBlank(env.get("GITOPS_SIGNING_KEY")) ? Path.of(env.get("GITOPS_SIGNING_KEY")) : null;
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
