package io.jenkins.plugins.gitops.engine.model;

/**
 * {@code verify.signatures} of an environment in gitops.yaml: what happens when the commit to deploy has no
 * valid signature by a trusted key (see docs/signed-commits.md).
 */
/* Declared weakest first: Signatures compares rules by their order. */
public enum SignatureRule {
    /** Signatures are not checked (the default). */
    OFF,
    /** Checked; a missing, bad or untrusted signature is reported as a warning and the operation goes on. */
    WARN,
    /** Checked; a missing, bad or untrusted signature refuses the operation before anything is rendered or written. */
    REQUIRED
}
