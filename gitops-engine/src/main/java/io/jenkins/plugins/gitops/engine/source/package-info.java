/**
 * Git as the source of truth, through JGit, plus local folders as trees.
 *
 * <p>{@link io.jenkins.plugins.gitops.engine.source.GitSource} clones a remote once, bare, into a
 * cache folder keyed by the remote and fetches incrementally afterwards (a file lock guards
 * concurrent use); it resolves branches, tags and commit ids to a
 * {@link io.jenkins.plugins.gitops.engine.model.Revision}, reads a commit as a
 * {@link io.jenkins.plugins.gitops.engine.source.SourceTree} straight from the object database
 * ({@link io.jenkins.plugins.gitops.engine.source.GitTree}: no checkout, symbolic links followed only
 * inside the repository, files capped at {@code MAX_FILE_BYTES}), and commits and pushes file
 * changes for promotions and rollbacks without a work tree, retrying on a concurrent push and never
 * forcing. {@link io.jenkins.plugins.gitops.engine.source.GitCredentials} covers HTTP user/password or
 * token and SSH keys (kept in memory; host keys checked per
 * {@link io.jenkins.plugins.gitops.engine.source.GitCredentials.HostKeys}). Transport failures become
 * {@link io.jenkins.plugins.gitops.engine.InvalidInputException} (authentication, repository not
 * found, unknown revision, untrusted host key) or
 * {@link io.jenkins.plugins.gitops.engine.OperationFailedException} (unreachable, push refused); URLs
 * in messages have their user-info removed ({@link io.jenkins.plugins.gitops.engine.source.GitSource#redact}).
 */
package io.jenkins.plugins.gitops.engine.source;
