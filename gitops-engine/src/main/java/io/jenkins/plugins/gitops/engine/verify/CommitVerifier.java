package io.jenkins.plugins.gitops.engine.verify;

import io.jenkins.plugins.gitops.engine.OperationFailedException;
import java.io.IOException;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.ConfigConstants;
import org.eclipse.jgit.lib.GpgConfig;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.SignatureVerifier;
import org.eclipse.jgit.lib.SignatureVerifier.SignatureVerification;
import org.eclipse.jgit.lib.SignatureVerifiers;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.signing.ssh.SshSignatureVerifierFactory;
import org.eclipse.jgit.util.RawParseUtils;

/**
 * {@code git verify-commit} against {@link TrustedKeys}: JGit reads the commit's {@code gpgsig} header and
 * tells its format; SSH signatures are checked by JGit's SSH verifier with an allowed_signers file the
 * operator gave (never the repository's or the user's git config), OpenPGP ones by {@link OpenPgpVerifier}.
 * X.509 (gpgsm) signatures are not supported and count as untrusted.
 */
public final class CommitVerifier {
    private final TrustedKeys keys;
    private final GpgConfig config;
    private final SignatureVerifier ssh = new SshSignatureVerifierFactory().create();
    private final SignatureVerifier openPgp;

    public CommitVerifier(TrustedKeys keys) {
        this.keys = keys;
        Config settings = new Config(); // empty: nothing from the repository or ~/.gitconfig
        if (keys.allowedSigners() != null) {
            settings.setString(ConfigConstants.CONFIG_GPG_SECTION, ConfigConstants.CONFIG_SSH_SUBSECTION,
                    ConfigConstants.CONFIG_KEY_SSH_ALLOWED_SIGNERS_FILE, keys.allowedSigners().toString());
        }
        this.config = new GpgConfig(settings);
        this.openPgp = new OpenPgpVerifier(keys.openPgp());
    }

    /** The signature of a commit of {@code repository}, checked. */
    public CommitSignature verify(Repository repository, RevCommit commit) {
        byte[] signature = commit.getRawGpgSignature();
        if (signature == null) {
            return CommitSignature.unsigned(commit.name());
        }
        return verify(repository, commit.name(), withoutSignature(commit.getRawBuffer()), signature);
    }

    /**
     * A signature over {@code data} (the commit as it is without its {@code gpgsig} header).
     *
     * @param repository only used by JGit to resolve relative file names; the trusted keys are absolute paths
     */
    public CommitSignature verify(Repository repository, String commitId, byte[] data, byte[] signature) {
        GpgConfig.GpgFormat format = SignatureVerifiers.getFormat(signature);
        if (format == null || format == GpgConfig.GpgFormat.X509) {
            return new CommitSignature(commitId, CommitSignature.Status.UNTRUSTED,
                    format == null ? "unknown" : "x509", null, null,
                    "the signature is " + (format == null ? "of an unknown kind" : "an X.509 (gpgsm) signature")
                            + "; only OpenPGP and SSH signatures are checked");
        }
        boolean isSsh = format == GpgConfig.GpgFormat.SSH;
        if (isSsh && keys.allowedSigners() == null) {
            return new CommitSignature(commitId, CommitSignature.Status.UNTRUSTED, "ssh", null, null,
                    "signed with an SSH key, but no SSH allowed_signers file is trusted (--allowed-signers)");
        }
        SignatureVerification v;
        try {
            v = (isSsh ? ssh : openPgp).verify(repository, config, data, signature);
        } catch (IOException | RuntimeException e) {
            throw new OperationFailedException("cannot check the signature of commit " + commitId + ": " + e.getMessage(), e);
        }
        String name = isSsh ? "ssh" : "openpgp";
        if (v.verified()) {
            return new CommitSignature(commitId, CommitSignature.Status.VERIFIED, name, v.keyUser(), v.keyFingerprint(), null);
        }
        // JGit's SSH verifier leaves the trust at NEVER without a message when the signature does not match,
        // and says why (no principal, revoked, expired) otherwise; the OpenPGP one sets FULL for a known key.
        boolean bad = isSsh ? v.trustLevel() == SignatureVerifier.TrustLevel.NEVER && v.message() == null
                : v.trustLevel() == SignatureVerifier.TrustLevel.FULL;
        String detail = v.message() != null ? v.message() : "the signature does not match the commit's content";
        if (isSsh && v.message() != null && v.message().startsWith("No principal matched")) {
            detail = "signed by SSH key " + v.keyFingerprint() + ", which is not in the trusted allowed_signers file";
        }
        return new CommitSignature(commitId, bad ? CommitSignature.Status.BAD : CommitSignature.Status.UNTRUSTED, name,
                v.keyUser(), v.keyFingerprint(), detail);
    }

    /** The raw commit without its {@code gpgsig} header: what was signed (as JGit's SignatureVerifiers does it). */
    static byte[] withoutSignature(byte[] raw) {
        byte[] header = {'g', 'p', 'g', 's', 'i', 'g'};
        int start = RawParseUtils.headerStart(header, raw, 0);
        if (start < 0) {
            return raw;
        }
        int end = RawParseUtils.nextLfSkippingSplitLines(raw, start);
        start -= header.length + 1;
        if (end < raw.length) {
            end++;
        }
        byte[] data = new byte[raw.length - (end - start)];
        System.arraycopy(raw, 0, data, 0, start);
        System.arraycopy(raw, end, data, start, raw.length - end);
        return data;
    }
}
