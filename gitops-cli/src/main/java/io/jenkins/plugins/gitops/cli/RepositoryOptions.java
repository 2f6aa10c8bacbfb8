package io.jenkins.plugins.gitops.cli;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.source.GitCredentials;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Which GitOps repository, at which revision, with which credentials. Secrets come from files or
 * environment variables, never only from the command line (where other users could read them).
 */
public final class RepositoryOptions {
    @Option(names = "--repo", description = "Git URL, local Git repository or folder (default: $GITOPS_REPO, else .)")
    String repo;

    @Option(names = "--revision", description = "branch, tag or commit (default: the repository's default branch)")
    String revision;

    @Option(names = "--cache-dir", description = "where clones are cached (default: $GITOPS_CACHE_DIR or ~/.cache/jenkins-gitops)")
    Path cacheDir;

    @Option(names = "--git-username", description = "HTTP user name (default: $GITOPS_GIT_USERNAME)")
    String gitUsername;

    @Option(names = "--git-password-file", description = "file holding the HTTP password or token (or set $GITOPS_GIT_PASSWORD)")
    Path gitPasswordFile;

    @Option(names = "--git-ssh-key", description = "SSH private key file (or $GITOPS_GIT_SSH_KEY_FILE); passphrase in $GITOPS_GIT_SSH_PASSPHRASE")
    Path gitSshKey;

    /**
     * These options, with what was not given here taken from {@code outer}: {@code gitops --repo X
     * sync ENV} and {@code gitops sync ENV --repo X} mean the same.
     */
    public RepositoryOptions orElse(RepositoryOptions outer) {
        if (outer == null) {
            return this;
        }
        RepositoryOptions merged = new RepositoryOptions();
        merged.repo = repo != null ? repo : outer.repo;
        merged.revision = revision != null ? revision : outer.revision;
        merged.cacheDir = cacheDir != null ? cacheDir : outer.cacheDir;
        merged.gitUsername = gitUsername != null ? gitUsername : outer.gitUsername;
        merged.gitPasswordFile = gitPasswordFile != null ? gitPasswordFile : outer.gitPasswordFile;
        merged.gitSshKey = gitSshKey != null ? gitSshKey : outer.gitSshKey;
        return merged;
    }

    /** The revision asked for with --revision, or null. */
    public String revision() {
        return revision;
    }

    public String location(Map<String, String> env) {
        if (repo != null) {
            return repo;
        }
        return env.getOrDefault("GITOPS_REPO", ".");
    }

    public Path cacheDir(Map<String, String> env) {
        if (cacheDir != null) {
            return cacheDir;
        }
        String fromEnv = env.get("GITOPS_CACHE_DIR");
        return fromEnv != null ? Path.of(fromEnv) : Path.of(System.getProperty("user.home"), ".cache", "jenkins-gitops");
    }

    public GitCredentials credentials(Map<String, String> env) {
        Path keyFile = gitSshKey != null ? gitSshKey : pathOrNull(env.get("GITOPS_GIT_SSH_KEY_FILE"));
        if (keyFile != null) {
            String passphrase = env.get("GITOPS_GIT_SSH_PASSPHRASE");
            return GitCredentials.sshKey(env.getOrDefault("GITOPS_GIT_SSH_USER", "git"), read(keyFile, "--git-ssh-key"),
                    passphrase == null ? null : passphrase.toCharArray());
        }
        String password = gitPasswordFile != null ? read(gitPasswordFile, "--git-password-file").strip()
                : env.get("GITOPS_GIT_PASSWORD");
        if (password == null) {
            return GitCredentials.NONE;
        }
        String user = gitUsername != null ? gitUsername : env.get("GITOPS_GIT_USERNAME");
        return user == null ? GitCredentials.token(password.toCharArray())
                : GitCredentials.usernamePassword(user, password.toCharArray());
    }

    private static Path pathOrNull(String value) {
        return value == null || value.isBlank() ? null : Path.of(value);
    }

    private static String read(Path file, String option) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidInputException(option + ": cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
        }
    }
}
