package io.jenkins.plugins.gitops.engine.verify;

/**
 * The outcome of checking one commit's signature against the trusted keys (what {@code git verify-commit}
 * answers, as data).
 *
 * @param commitId    the full commit id
 * @param status      verified, unsigned, untrusted (valid or unreadable signature by a key that is not trusted,
 *                    revoked or expired) or bad (does not match the commit's content)
 * @param format      {@code openpgp}, {@code ssh}, {@code x509}, or null when unsigned
 * @param signer      who the trusted keys say signed it: the OpenPGP key's user id, the principal of the SSH
 *                    allowed_signers line; null when unknown
 * @param fingerprint the signing key's fingerprint (OpenPGP: hex; SSH: {@code SHA256:...}); null when unknown
 * @param detail      why it is not verified, as the verifier put it; null when verified
 */
public record CommitSignature(String commitId, Status status, String format, String signer, String fingerprint,
        String detail) {

    /** Closed set of outcomes; only {@link #VERIFIED} passes a {@code required} rule. */
    public enum Status { VERIFIED, UNSIGNED, UNTRUSTED, BAD }

    public static CommitSignature unsigned(String commitId) {
        return new CommitSignature(commitId, Status.UNSIGNED, null, null, null, "the commit has no signature");
    }

    public boolean verified() {
        return status == Status.VERIFIED;
    }

    public String shortId() {
        return commitId.length() > 12 ? commitId.substring(0, 12) : commitId;
    }

    /**
     * What goes into the deployment record and the history table: {@code alice@example.com (ssh SHA256:...)}, or
     * for a commit that was not verified (warn mode) the status in brackets, e.g. {@code [unsigned]}.
     */
    public String recordValue() {
        String key = format == null ? "" : format + (fingerprint == null ? "" : " " + fingerprint);
        if (verified()) {
            return (signer == null || signer.isBlank() ? "?" : signer) + " (" + key + ")";
        }
        String what = "[" + status.name().toLowerCase(java.util.Locale.ROOT) + "]";
        return key.isEmpty() ? what : what + " " + (signer == null ? "" : signer + " ") + "(" + key + ")";
    }

    /** The signer found, as a sentence for messages: names the key even when it is not trusted. */
    public String describeSigner() {
        if (status == Status.UNSIGNED) {
            return "no signature";
        }
        String key = format + " key" + (fingerprint == null ? "" : " " + fingerprint);
        return signer == null || signer.isBlank() ? key : signer + " (" + key + ")";
    }
}
