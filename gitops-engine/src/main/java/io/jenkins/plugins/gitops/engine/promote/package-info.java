/**
 * Promotion's pure parts: what an environment runs ({@link io.jenkins.plugins.gitops.engine.promote.Release},
 * {@link io.jenkins.plugins.gitops.engine.promote.ImageRef}), what moving one release into another
 * changes ({@link io.jenkins.plugins.gitops.engine.promote.ReleaseDiff}), the files that make a target
 * environment's folder deploy it ({@link io.jenkins.plugins.gitops.engine.promote.ReleaseWriter}) and the
 * structured commit message ({@link io.jenkins.plugins.gitops.engine.promote.PromotionMessage}). The
 * {@code GitOps} facade does the pre-checks, the commit and push, the sync and the history record.
 *
 * <p>Files are edited as text at the places a YAML parser found, never re-serialised, so comments,
 * order, quoting, line endings and a byte-order mark survive and a reviewer's diff shows exactly the
 * changed lines. Formats: kustomize {@code images:} (entries updated or added, the list added if
 * missing); compose {@code image:} (or the {@code .env} variable the tag comes from); Helm values
 * ({@code <path>.repository}/{@code tag}/{@code digest} in the environment's own values file); plain
 * manifests' container {@code image:}.
 *
 * <p>An environment whose objects run one image in two versions has no release
 * ({@link io.jenkins.plugins.gitops.engine.promote.Release#of} refuses it, naming both objects): a
 * promotion would otherwise have to guess which version to replace.
 */
package io.jenkins.plugins.gitops.engine.promote;
