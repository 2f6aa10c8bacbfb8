package io.jenkins.plugins.gitops.engine;

import io.jenkins.plugins.gitops.engine.api.SyncRequest;
import io.jenkins.plugins.gitops.engine.api.SyncResult;
import io.jenkins.plugins.gitops.engine.cluster.TargetFactory;
import io.jenkins.plugins.gitops.engine.model.ProjectConfig;
import io.jenkins.plugins.gitops.engine.render.Renderers;
import io.jenkins.plugins.gitops.engine.render.compose.ComposeRenderer;
import io.jenkins.plugins.gitops.engine.source.GitCredentials;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The one place that joins the engine's pieces. The command and the Jenkins steps call only this:
 * build it for one repository and a way to open targets, then {@link #sync} or {@link #diff}.
 */
public final class GitOps implements AutoCloseable {
    private final Repository repository;
    private final TargetFactory targets;
    private final Renderers renderers;
    private final ProgressListener listener;

    private GitOps(Builder builder) {
        this.repository = new Repository(builder.repository, builder.credentials, builder.cacheDir);
        this.targets = Objects.requireNonNull(builder.targets, "targets");
        this.renderers = builder.renderers;
        this.listener = builder.listener;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The validated gitops.yaml at a revision (null: default branch). */
    public ProjectConfig config(String revision) {
        return repository.snapshot(revision).config();
    }

    /** Makes the environment match Git: render, validate, plan, apply, prune, wait healthy. */
    public SyncResult sync(SyncRequest request) {
        return new SyncOperation(repository, targets, renderers, listener).run(request);
    }

    /** What a sync would change, without writing anything. */
    public SyncResult diff(SyncRequest request) {
        return new SyncOperation(repository, targets, renderers, listener).run(request.withDryRun(true));
    }

    @Override
    public void close() {
        repository.close();
    }

    /** Configures a {@link GitOps}. Only the repository and the target factory are required. */
    public static final class Builder {
        private String repository;
        private GitCredentials credentials = GitCredentials.NONE;
        private Path cacheDir = Path.of(System.getProperty("user.home"), ".cache", "jenkins-gitops");
        private TargetFactory targets;
        private Renderers renderers = Renderers.standard().with(new ComposeRenderer());
        private ProgressListener listener = ProgressListener.NONE;

        /** A Git URL, a local Git repository, or a plain local folder. */
        public Builder repository(String location) {
            this.repository = location;
            return this;
        }

        public Builder credentials(GitCredentials value) {
            this.credentials = value;
            return this;
        }

        /** Where clones are cached between runs. */
        public Builder cacheDir(Path value) {
            this.cacheDir = value;
            return this;
        }

        public Builder targets(TargetFactory value) {
            this.targets = value;
            return this;
        }

        public Builder renderers(Renderers value) {
            this.renderers = value;
            return this;
        }

        public Builder listener(ProgressListener value) {
            this.listener = value;
            return this;
        }

        public GitOps build() {
            if (repository == null || repository.isBlank()) {
                throw new InvalidInputException("no GitOps repository given: set --repo (or GITOPS_REPO) to a Git URL or folder");
            }
            return new GitOps(this);
        }
    }
}
