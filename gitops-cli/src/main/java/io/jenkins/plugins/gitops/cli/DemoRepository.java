package io.jenkins.plugins.gitops.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * The demo's example GitOps repository: files shipped in the jar, committed into a work clone and
 * pushed to a bare repository that plays the Git server (what the engine clones and pushes to).
 */
final class DemoRepository implements AutoCloseable {
    private static final PersonIdent AUTHOR = new PersonIdent("Demo Developer", "demo@example.test");
    private final Path folder;
    private final Path server;
    private final Git git;

    private DemoRepository(Path folder, Git git) {
        this.folder = folder;
        this.server = folder.resolveSibling(folder.getFileName() + ".git");
        this.git = git;
    }

    /** Copies {@code demo/<name>/} from the jar into {@code folder} and commits it. */
    static DemoRepository create(String name, Path folder) {
        try {
            String base = "/demo/" + name + "/";
            List<String> files = resource(base + "files.txt").lines().filter(l -> !l.isBlank()).toList();
            for (String file : files) {
                Path target = folder.resolve(file);
                Files.createDirectories(target.getParent());
                Files.writeString(target, resource(base + file));
            }
            Git git = Git.init().setDirectory(folder.toFile()).setInitialBranch("main").call();
            DemoRepository repository = new DemoRepository(folder, git);
            Git.init().setBare(true).setInitialBranch("main").setDirectory(repository.server.toFile()).call().close();
            repository.commit("Initial environments for " + name);
            return repository;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GitAPIException e) {
            throw new IllegalStateException("cannot create the demo repository: " + e.getMessage(), e);
        }
    }

    Path folder() {
        return folder;
    }

    /** The "server" repository the engine clones, fetches and pushes to. */
    String location() {
        return server.toString();
    }

    /** Takes what the engine pushed (promotions, rollbacks) into the work clone. */
    void pull() {
        try {
            if (git.status().call().isClean()) {
                git.fetch().setRemote(server.toString())
                        .setRefSpecs(new RefSpec("+refs/heads/main:refs/remotes/origin/main")).call();
                git.reset().setMode(ResetCommand.ResetType.HARD).setRef("refs/remotes/origin/main").call();
            }
        } catch (GitAPIException e) {
            throw new IllegalStateException("cannot update the demo repository: " + e.getMessage(), e);
        }
    }

    void write(String file, String content) {
        try {
            Files.writeString(folder.resolve(file), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String read(String file) {
        pull();
        try {
            return Files.readString(folder.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void delete(String file) {
        try {
            Files.delete(folder.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Commits every change; returns the short commit id. */
    String commit(String message) {
        try {
            git.add().addFilepattern(".").call();
            git.add().addFilepattern(".").setUpdate(true).call();
            String id = git.commit().setMessage(message).setAuthor(AUTHOR).setCommitter(AUTHOR).call().getName();
            git.push().setRemote(server.toString()).setRefSpecs(new RefSpec("HEAD:refs/heads/main")).call();
            return id.substring(0, 12);
        } catch (GitAPIException e) {
            throw new IllegalStateException("cannot commit in the demo repository: " + e.getMessage(), e);
        }
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = DemoRepository.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException("missing demo file " + path + " in the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() {
        git.close();
    }
}
