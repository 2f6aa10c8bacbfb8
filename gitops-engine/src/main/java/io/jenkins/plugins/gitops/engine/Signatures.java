package io.jenkins.plugins.gitops.engine;

import io.jenkins.plugins.gitops.engine.model.Environment;
import io.jenkins.plugins.gitops.engine.model.SignatureRule;
import io.jenkins.plugins.gitops.engine.verify.CommitSignature;
import io.jenkins.plugins.gitops.engine.verify.CommitVerifier;
import io.jenkins.plugins.gitops.engine.verify.EngineCommitSigner;
import io.jenkins.plugins.gitops.engine.verify.SignatureGate;
import io.jenkins.plugins.gitops.engine.verify.TrustedKeys;
import java.nio.file.Path;

/**
 * The facade's side of {@code verify.signatures}: checks the commit an operation deploys before anything
 * is rendered, and gives the signer for the engine's own commits (docs/signed-commits.md).
 */
final class Signatures {
    private final TrustedKeys keys;
    private final Path signingKey;
    private final CommitVerifier verifier;

    Signatures(TrustedKeys keys, Path signingKey) {
        this.keys = keys == null ? TrustedKeys.NONE : keys;
        this.signingKey = signingKey;
        this.verifier = new CommitVerifier(this.keys);
    }

    /**
     * Checks {@code commitId} under the environment's rule; null when the environment does not verify.
     *
     * @param what the commit's role in messages, e.g. "the commit to deploy"
     * @throws InvalidInputException under {@code required} when the signature is missing, bad or untrusted
     */
    CommitSignature check(EngineContext context, Environment environment, String commitId, String what) {
        if (environment.signatures() == SignatureRule.OFF) {
            return null;
        }
        if (!context.repository.isGit()) {
            String problem = "'" + environment.name() + "' has verify.signatures: " + rule(environment)
                    + ", but the repository is a plain folder: there is no commit whose signature could be checked";
            if (environment.signatures() == SignatureRule.REQUIRED) {
                throw new InvalidInputException(problem + "; deploy from a Git repository");
            }
            context.listener.progress("  warning: " + problem);
            return null;
        }
        CommitSignature signature = context.repository.git().readCommit(commitId, verifier::verify);
        SignatureGate.enforce(environment.signatures(), environment.name(), what, signature,
                w -> context.listener.progress("  warning: " + w));
        if (signature.verified()) {
            context.listener.progress("  signature of " + signature.shortId() + ": verified, " + signature.describeSigner());
        }
        return signature;
    }

    /**
     * The environment with the stronger of its own {@code verify.signatures} and the rule it had in the revision
     * last deployed to it, so that a commit cannot switch verification off (or down to {@code warn}) for itself:
     * the commit that weakens the rule must itself pass the rule it weakens. The anchor is the newest applied
     * deployment record of the environment (read from the target's history); with no such record, or a revision
     * whose configuration no longer has the environment, the environment's own rule stands.
     *
     * @param resolve the environment at another revision (for previews: derived from the template there)
     */
    Environment withDeployedRule(EngineContext context, Environment environment,
            java.util.function.Function<Repository.Snapshot, Environment> resolve) {
        if (environment.signatures() == SignatureRule.REQUIRED || !context.repository.isGit()) {
            return environment;
        }
        try (io.jenkins.plugins.gitops.engine.cluster.Target target = context.targets.open(environment)) {
            return withDeployedRule(context, environment, context.history(target, environment).list(environment.name()),
                    resolve);
        }
    }

    /** As {@link #withDeployedRule(EngineContext, Environment, java.util.function.Function)}, with the records read. */
    Environment withDeployedRule(EngineContext context, Environment environment,
            java.util.List<io.jenkins.plugins.gitops.engine.history.DeploymentRecord> records,
            java.util.function.Function<Repository.Snapshot, Environment> resolve) {
        if (environment.signatures() == SignatureRule.REQUIRED || !context.repository.isGit()) {
            return environment;
        }
        String deployed = records.stream().filter(Records::applied)
                .map(io.jenkins.plugins.gitops.engine.history.DeploymentRecord::revision)
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
        if (deployed == null) {
            return environment;
        }
        SignatureRule before;
        try {
            before = resolve.apply(context.repository.snapshot(deployed)).signatures();
        } catch (InvalidInputException e) {
            return environment; // the deployed revision no longer resolves, or no longer has this environment
        }
        if (before.compareTo(environment.signatures()) <= 0) {
            return environment;
        }
        context.listener.progress("  verify.signatures: " + rule(environment) + " at this revision, but "
                + before.name().toLowerCase(java.util.Locale.ROOT) + " where " + deployed.substring(0, Math.min(12,
                deployed.length())) + " was deployed: checking under " + before.name().toLowerCase(java.util.Locale.ROOT)
                + " (a commit cannot weaken the rule it is checked by)");
        return environment.withSignatures(before);
    }

    /** Signs (or refuses) the commits the engine writes into an environment's folder. */
    EngineCommitSigner signer(EngineContext context, Environment environment) {
        return new EngineCommitSigner(environment.signatures(), environment.name(), signingKey, verifier,
                w -> context.listener.progress("  warning: " + w));
    }

    private static String rule(Environment environment) {
        return environment.signatures().name().toLowerCase(java.util.Locale.ROOT);
    }
}
