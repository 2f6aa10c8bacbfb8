package io.jenkins.plugins.gitops.engine;

import io.jenkins.plugins.gitops.engine.config.ProjectConfigLoader;
import io.jenkins.plugins.gitops.engine.model.ProjectConfig;
import io.jenkins.plugins.gitops.engine.model.Revision;
import io.jenkins.plugins.gitops.engine.model.TrackingId;
import io.jenkins.plugins.gitops.engine.source.DirectoryTree;
import io.jenkins.plugins.gitops.engine.source.GitCredentials;
import io.jenkins.plugins.gitops.engine.source.GitSource;
import io.jenkins.plugins.gitops.engine.source.SourceTree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * The GitOps repository the facade reads: a Git remote (or local Git repository) through
 * {@link GitSource}, or a plain local folder (no history: revision is the working tree).
 */
final class Repository implements AutoCloseable {
    /**
     * A revision and the files at it; {@code repositoryId} ({@link TrackingId#repositoryId}) makes the
     * environments of its config owners of what they deploy.
     */
    record Snapshot(Revision revision, SourceTree tree, String repositoryId) {
        ProjectConfig config() {
            if (!tree.isFile(ProjectConfig.FILE_NAME)) {
                throw new InvalidInputException(ProjectConfig.FILE_NAME + ": not found at the root of the repository at "
                        + revision + "; every GitOps repository needs one (see docs/gitops-yaml.md)");
            }
            return ProjectConfigLoader.load(tree.read(ProjectConfig.FILE_NAME), ProjectConfig.FILE_NAME)
                    .withRepository(repositoryId);
        }
    }

    private final GitSource git;
    private final Path folder;
    private final String repositoryId;

    Repository(String location, GitCredentials credentials, Path cacheRoot) {
        Path local = location.contains("://") ? null : Path.of(location);
        if (local != null && Files.isDirectory(local) && !Files.exists(local.resolve(".git"))
                && !Files.exists(local.resolve("HEAD"))) {
            this.folder = local;
            this.git = null;
        } else {
            this.folder = null;
            this.git = new GitSource(location, credentials, cacheRoot);
        }
        this.repositoryId = TrackingId.repositoryId(location);
    }

    boolean isGit() {
        return git != null;
    }

    GitSource git() {
        if (git == null) {
            throw new InvalidInputException(folder + " is a plain folder, not a Git repository; this operation needs Git "
                    + "history (use --repo with a Git URL or a repository folder)");
        }
        return git;
    }

    Snapshot snapshot(String revision) {
        if (git == null) {
            if (revision != null && !revision.isBlank()) {
                throw new InvalidInputException("--revision " + revision + " needs a Git repository, but " + folder
                        + " is a plain folder");
            }
            DirectoryTree tree = new DirectoryTree(folder);
            return new Snapshot(new Revision(tree.revision(), null, "", "", Instant.now()), tree, repositoryId);
        }
        Revision resolved = resolve(revision);
        return new Snapshot(resolved, git.tree(resolved), repositoryId);
    }

    /**
     * Branches, tags and HEAD move: they are fetched anew for every operation. A full commit id never
     * changes, so it is fetched only when the cache does not have it yet.
     */
    private Revision resolve(String revision) {
        if (revision != null && revision.matches("[0-9a-f]{40}")) {
            try {
                return git.resolve(revision);
            } catch (InvalidInputException notFetchedYet) {
                git.refresh();
                return git.resolve(revision);
            }
        }
        git.refresh();
        return git.resolve(revision);
    }

    @Override
    public void close() {
        if (git != null) {
            git.close();
        }
    }
}
