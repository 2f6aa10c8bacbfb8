package io.jenkins.plugins.gitops.engine.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;

/**
 * A bare Git repository standing in for the server, seeded from a test-resource folder, and a work
 * clone in which the tests play the developer: {@link #commit} pushes, {@link #read} first takes
 * what others (the engine's promotions and rollbacks) pushed.
 */
public final class WorkRepository implements AutoCloseable {
    private final Path folder;
    private final Path bare;
    private final Git git;

    public WorkRepository(Path folder, String resourceFolder) {
        this.folder = folder;
        try {
            Path source = Path.of(WorkRepository.class.getResource("/" + resourceFolder).toURI());
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : files.sorted(Comparator.naturalOrder()).toList()) {
                    Path target = folder.resolve(source.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(file, target);
                    }
                }
            }
            this.bare = folder.resolveSibling(folder.getFileName() + ".git");
            Git.init().setBare(true).setInitialBranch("main").setDirectory(bare.toFile()).call().close();
            this.git = Git.init().setDirectory(folder.toFile()).setInitialBranch("main").call();
            commit("initial");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public Path folder() {
        return folder;
    }

    /** The "server" repository, what the engine clones and pushes to. */
    public String remote() {
        return bare.toString();
    }

    /** Takes the server's newest commits into the work tree. */
    public void pull() {
        try {
            if (!git.status().call().isClean()) {
                return; // the test is in the middle of an edit: keep it
            }
            git.fetch().setRemote(bare.toString()).setRefSpecs(new org.eclipse.jgit.transport.RefSpec(
                    "+refs/heads/main:refs/remotes/origin/main")).call();
            git.reset().setMode(org.eclipse.jgit.api.ResetCommand.ResetType.HARD).setRef("refs/remotes/origin/main").call();
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The commit at the server's main branch. */
    public String tip() {
        try (org.eclipse.jgit.lib.Repository r = new org.eclipse.jgit.storage.file.FileRepositoryBuilder()
                .setGitDir(bare.toFile()).setMustExist(true).build()) {
            return r.exactRef("refs/heads/main").getObjectId().name();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void write(String path, String content) {
        try {
            Files.createDirectories(folder.resolve(path).getParent());
            Files.writeString(folder.resolve(path), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String read(String path) {
        pull();
        try {
            return Files.readString(folder.resolve(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void delete(String path) {
        try {
            Files.delete(folder.resolve(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String commit(String message) {
        return commit(message, null);
    }

    /** Commits and pushes with the given author time (null: now), as a commit written earlier and pushed now. */
    public String commit(String message, java.time.Instant authored) {
        try {
            git.add().addFilepattern(".").call();
            git.add().addFilepattern(".").setUpdate(true).call();
            org.eclipse.jgit.lib.PersonIdent author = authored == null
                    ? new org.eclipse.jgit.lib.PersonIdent("Test", "test@example.test")
                    : new org.eclipse.jgit.lib.PersonIdent("Test", "test@example.test", authored, java.time.ZoneOffset.UTC);
            String id = git.commit().setMessage(message).setAuthor(author)
                    .setCommitter("Test", "test@example.test").call().getName();
            git.push().setRemote(bare.toString()).setRefSpecs(new org.eclipse.jgit.transport.RefSpec("HEAD:refs/heads/main"))
                    .call();
            return id;
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Pushes a lightweight tag at a commit to the server. */
    public void tag(String name, String commitId) {
        pushRef(commitId, "refs/tags/" + name);
    }

    /** Pushes a branch at a commit to the server. */
    public void branch(String name, String commitId) {
        pushRef(commitId, "refs/heads/" + name);
    }

    private void pushRef(String commitId, String ref) {
        try {
            git.push().setRemote(bare.toString()).setRefSpecs(new org.eclipse.jgit.transport.RefSpec(commitId + ":" + ref))
                    .call();
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        git.close();
    }
}
