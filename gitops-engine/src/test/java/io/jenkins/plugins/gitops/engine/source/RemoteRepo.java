package io.jenkins.plugins.gitops.engine.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.RefSpec;

/**
 * A bare repository standing in for the Git server, plus a working clone that "another engineer"
 * uses to push to it. All real Git, made with JGit.
 */
final class RemoteRepo implements AutoCloseable {
    final Path bare;
    private final Git work;

    private RemoteRepo(Path bare, Git work) {
        this.bare = bare;
        this.work = work;
    }

    static RemoteRepo create(Path dir, String name) throws Exception {
        Path bare = dir.resolve(name + ".git");
        Git.init().setBare(true).setInitialBranch("main").setDirectory(bare.toFile()).call().close();
        Git work = Git.init().setInitialBranch("main").setDirectory(dir.resolve(name + "-work").toFile()).call();
        return new RemoteRepo(bare, work);
    }

    /** Writes files (null deletes), commits everything and pushes the branch; returns the commit id. */
    String commit(String branch, Map<String, String> files, String message) throws Exception {
        syncWith(branch);
        Path root = work.getRepository().getWorkTree().toPath();
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path p = root.resolve(f.getKey());
            if (f.getValue() == null) {
                Files.deleteIfExists(p);
            } else {
                Files.createDirectories(p.getParent());
                Files.writeString(p, f.getValue(), StandardCharsets.UTF_8);
            }
        }
        return commitAll(branch, message);
    }

    String commit(Map<String, String> files, String message) throws Exception {
        return commit("main", files, message);
    }

    /** Adds a symbolic link {@code link} pointing at {@code target} (as written in the link). */
    String symlink(String link, String target) throws Exception {
        syncWith("main");
        Path p = work.getRepository().getWorkTree().toPath().resolve(link);
        Files.createDirectories(p.getParent());
        Files.createSymbolicLink(p, Path.of(target));
        return commitAll("main", "link " + link);
    }

    String bigFile(String path, int bytes) throws Exception {
        syncWith("main");
        Path p = work.getRepository().getWorkTree().toPath().resolve(path);
        Files.createDirectories(p.getParent());
        Files.write(p, new byte[bytes]);
        return commitAll("main", "big file");
    }

    /**
     * Replaces the folder {@code path} (if any) with a submodule of {@code url} at {@code commitId}: a
     * {@code .gitmodules} entry and a gitlink, as {@code git submodule add} records them; commits and
     * pushes to main. Returns the commit id.
     */
    String submodule(String path, String url, String commitId) throws Exception {
        return gitlink(path, commitId, "[submodule \"" + path + "\"]\n\tpath = " + path + "\n\turl = " + url + "\n");
    }

    /** A gitlink at {@code path} with {@code gitmodules} appended to .gitmodules (which may leave it unnamed). */
    String gitlink(String path, String commitId, String gitmodules) throws Exception {
        syncWith("main");
        Path root = work.getRepository().getWorkTree().toPath();
        if (Files.isDirectory(root.resolve(path))) {
            work.rm().addFilepattern(path).call();
            org.eclipse.jgit.util.FileUtils.delete(root.resolve(path).toFile(),
                    org.eclipse.jgit.util.FileUtils.RECURSIVE | org.eclipse.jgit.util.FileUtils.SKIP_MISSING);
        }
        Path modules = root.resolve(".gitmodules");
        Files.writeString(modules, (Files.exists(modules) ? Files.readString(modules) : "") + gitmodules);
        work.add().addFilepattern(".gitmodules").call();
        org.eclipse.jgit.dircache.DirCache index = work.getRepository().lockDirCache();
        org.eclipse.jgit.dircache.DirCacheEditor editor = index.editor();
        editor.add(new org.eclipse.jgit.dircache.DirCacheEditor.PathEdit(path) {
            @Override
            public void apply(org.eclipse.jgit.dircache.DirCacheEntry e) {
                e.setFileMode(org.eclipse.jgit.lib.FileMode.GITLINK);
                e.setObjectId(ObjectId.fromString(commitId));
            }
        });
        editor.commit();
        RevCommit c = work.commit().setMessage("submodule " + path).setAuthor("Other Engineer", "other@example.com")
                .setCommitter("Other Engineer", "other@example.com").call();
        work.push().setRemote(bare.toString()).setRefSpecs(new RefSpec("HEAD:refs/heads/main")).call();
        return c.name();
    }

    void tag(String name, String commitId) throws Exception {
        try (var walk = new org.eclipse.jgit.revwalk.RevWalk(work.getRepository())) {
            work.tag().setName(name).setAnnotated(true).setMessage("release " + name)
                    .setObjectId(walk.parseCommit(ObjectId.fromString(commitId))).call();
        }
        work.push().setRemote(bare.toString()).setRefSpecs(new RefSpec("refs/tags/" + name)).call();
    }

    void branch(String name, String from) throws Exception {
        work.push().setRemote(bare.toString()).setRefSpecs(new RefSpec(from + ":refs/heads/" + name)).call();
    }

    /** The commit at a branch of the server repository and the content of a file there. */
    String tip(String branch) throws IOException {
        try (Repository r = open()) {
            return r.exactRef("refs/heads/" + branch).getObjectId().name();
        }
    }

    String fileAt(String branch, String path) throws IOException {
        try (Repository r = open(); var walk = new org.eclipse.jgit.revwalk.RevWalk(r)) {
            RevCommit c = walk.parseCommit(r.resolve("refs/heads/" + branch));
            var tw = org.eclipse.jgit.treewalk.TreeWalk.forPath(r, path, c.getTree());
            return tw == null ? null : new String(r.open(tw.getObjectId(0)).getBytes(), StandardCharsets.UTF_8);
        }
    }

    int commitCount(String branch) throws Exception {
        try (Repository r = open(); Git g = Git.wrap(r)) {
            int n = 0;
            for (RevCommit ignored : g.log().add(r.resolve("refs/heads/" + branch)).call()) {
                n++;
            }
            return n;
        }
    }

    Repository open() throws IOException {
        return new FileRepositoryBuilder().setGitDir(bare.toFile()).setMustExist(true).build();
    }

    private void syncWith(String branch) throws Exception {
        work.fetch().setRemote(bare.toString())
                .setRefSpecs(new RefSpec("+refs/heads/*:refs/remotes/origin/*")).call();
        if (work.getRepository().exactRef("refs/remotes/origin/" + branch) != null) {
            if (work.getRepository().exactRef("refs/heads/" + branch) == null) {
                work.branchCreate().setName(branch).setStartPoint("refs/remotes/origin/" + branch).call();
            }
            work.checkout().setName(branch).call();
            work.reset().setMode(ResetCommand.ResetType.HARD).setRef("refs/remotes/origin/" + branch).call();
        }
    }

    private String commitAll(String branch, String message) throws Exception {
        work.add().addFilepattern(".").call();
        work.add().addFilepattern(".").setUpdate(true).call();
        RevCommit c = work.commit().setMessage(message).setAuthor("Other Engineer", "other@example.com")
                .setCommitter("Other Engineer", "other@example.com").call();
        work.push().setRemote(bare.toString()).setRefSpecs(new RefSpec("HEAD:refs/heads/" + branch)).call();
        return c.name();
    }

    @Override
    public void close() {
        work.close();
    }
}
