package io.jenkins.plugins.gitops.engine.verify;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.model.SignatureRule;
import java.util.function.Consumer;

/**
 * Applies an environment's {@code verify.signatures} rule to a checked commit: {@code required} refuses
 * anything but a verified signature (an {@link InvalidInputException}, exit 2, naming the commit, the signer
 * found and the rule), {@code warn} reports it and lets the operation go on.
 */
public final class SignatureGate {
    private SignatureGate() {
    }

    /**
     * @param what      the commit's role, for the message: {@code "the commit to deploy"},
     *                  {@code "the promoted release (staging's deployed commit)"}, ...
     * @param warnings  receives the warning under {@code warn}
     * @return the signature, for the record
     */
    public static CommitSignature enforce(SignatureRule rule, String environment, String what, CommitSignature signature,
            Consumer<String> warnings) {
        if (rule == SignatureRule.OFF || signature.verified()) {
            return signature;
        }
        String problem = what + " " + signature.shortId() + " of '" + environment + "' is " + status(signature)
                + " (" + details(signature) + ")";
        if (rule == SignatureRule.REQUIRED) {
            throw new InvalidInputException(problem + "; refused by verify.signatures: required of '" + environment
                    + "' in gitops.yaml. " + (signature.status() == CommitSignature.Status.BAD
                    ? "Do not deploy it: the commit was changed after it was signed; find out by whom"
                    : "Sign the commit with a trusted key (git commit -S), or trust the key with --trusted-keys /"
                    + " --allowed-signers (Jenkins: the global configuration's trusted keys)"));
        }
        warnings.accept(problem + " (verify.signatures: warn)");
        return signature;
    }

    /** The signer found and why it is not trusted, without saying the same thing twice. */
    private static String details(CommitSignature signature) {
        String signer = signature.describeSigner();
        String detail = signature.detail();
        if (signature.status() == CommitSignature.Status.UNSIGNED) {
            return "no signature";
        }
        if (detail == null || detail.isBlank()) {
            return "signer found: " + signer;
        }
        return detail.contains(signer.replaceFirst("^(ssh|openpgp) key ", "")) ? detail : "signer found: " + signer + "; " + detail;
    }

    private static String status(CommitSignature signature) {
        return switch (signature.status()) {
            case UNSIGNED -> "not signed";
            case UNTRUSTED -> "not signed by a trusted key";
            case BAD -> "signed, but the signature does not match its content (tampered or corrupt)";
            case VERIFIED -> "verified";
        };
    }
}
