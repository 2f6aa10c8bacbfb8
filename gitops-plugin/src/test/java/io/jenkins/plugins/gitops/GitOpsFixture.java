package io.jenkins.plugins.gitops;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.util.Secret;
import io.jenkins.plugins.gitops.testkit.InProcessKubernetes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * The real pieces the plugin tests deploy with: a local Git repository made from the
 * {@code gitops-repo} fixture folder, the engine's {@link InProcessKubernetes} API (fabric8's mock in CRUD
 * mode plus the API discovery the engine validates kinds with) reached over plain HTTP through a kubeconfig
 * held in a secret-text credential, and the global GitOps configuration pointing at both. The API has no
 * controllers: tests whose Deployments must become healthy start its controller stand-in.
 */
final class GitOpsFixture {
    static final String KUBECONFIG_ID = "kubeconfig";
    /** The bearer token in the kubeconfig credential; must never appear in a build log. */
    static final String TOKEN = "gitops-test-token-7f3a9c";
    static final List<String> ENVIRONMENTS = List.of("development", "staging", "production");

    private GitOpsFixture() {
    }

    /**
     * A bare Git repository ({@code dir/gitops.git}, the GitOps repository Jenkins uses) whose
     * {@code main} holds the fixture folder, plus a working clone ({@code dir/work}) for test commits.
     */
    static Path gitRepository(Path dir) throws Exception {
        Path source = Path.of(GitOpsFixture.class.getResource("gitops-repo").toURI());
        Path work = dir.resolve("work");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path copy = work.resolve(source.relativize(file).toString());
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy);
            }
        }
        Path bare = dir.resolve("gitops.git");
        try (Git git = Git.init().setDirectory(work.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("GitOps repository for the plugin tests").setAuthor("test", "test@example.com")
                    .setCommitter("test", "test@example.com").call();
        }
        try (Git clone = Git.cloneRepository().setURI(work.toUri().toString()).setDirectory(bare.toFile()).setBare(true)
                .call()) {
            clone.getRepository().getConfig().save();
        }
        try (Git git = Git.open(work.toFile())) {
            git.remoteSetUrl().setRemoteName("origin").setRemoteUri(new URIish(bare.toUri().toString())).call();
        }
        return bare;
    }

    /** Commits one changed file through the working clone, pushes it, and returns the new commit id. */
    static String commit(Path bare, String file, String content, String message) throws Exception {
        Path work = bare.resolveSibling("work");
        try (Git git = Git.open(work.toFile())) {
            git.fetch().setRemote("origin").call();
            git.reset().setMode(ResetCommand.ResetType.HARD).setRef("origin/main").call();
            Files.writeString(work.resolve(file), content, StandardCharsets.UTF_8);
            git.add().addFilepattern(file).call();
            RevCommit commit = git.commit().setMessage(message).setAuthor("test", "test@example.com")
                    .setCommitter("test", "test@example.com").call();
            git.push().setRemote("origin").add("main").call();
            return commit.getName();
        }
    }

    static String head(Path bare) throws IOException {
        try (Git git = Git.open(bare.toFile())) {
            return git.getRepository().resolve("refs/heads/main").getName();
        }
    }

    /** A file's content on {@code main} of the bare repository (after promotions and reverts pushed to it). */
    static String fileAtHead(Path bare, String file) throws IOException {
        try (Git git = Git.open(bare.toFile()); RevWalk walk = new RevWalk(git.getRepository())) {
            RevCommit head = walk.parseCommit(git.getRepository().resolve("refs/heads/main"));
            try (TreeWalk tree = TreeWalk.forPath(git.getRepository(), file, head.getTree())) {
                return new String(git.getRepository().open(tree.getObjectId(0)).getBytes(), StandardCharsets.UTF_8);
            }
        }
    }

    /** Registers the kubeconfig credential and points the global configuration at the repository. */
    static void configure(JenkinsRule r, Path repository, InProcessKubernetes api) throws IOException {
        SystemCredentialsProvider.getInstance().getCredentials().add(new StringCredentialsImpl(
                CredentialsScope.GLOBAL, KUBECONFIG_ID, "in-process Kubernetes API", Secret.fromString(kubeconfig(api.url()))));
        SystemCredentialsProvider.getInstance().save();
        GitOpsRepository gitops = new GitOpsRepository(repository.toString());
        gitops.setTargets(ENVIRONMENTS.stream().map(env -> {
            EnvironmentTarget target = new EnvironmentTarget(env);
            target.setCredentialsId(KUBECONFIG_ID);
            return target;
        }).toList());
        GitOpsConfiguration.get().setRepositories(List.of(gitops));
    }

    static String kubeconfig(String server) {
        return """
                apiVersion: v1
                kind: Config
                clusters:
                  - name: in-process
                    cluster:
                      server: "%s"
                      insecure-skip-tls-verify: true
                users:
                  - name: jenkins
                    user:
                      token: %s
                contexts:
                  - name: in-process
                    context: { cluster: in-process, user: jenkins }
                current-context: in-process
                """.formatted(server, TOKEN);
    }

    static WorkflowJob pipeline(JenkinsRule r, String name, String script) throws IOException {
        WorkflowJob job = r.createProject(WorkflowJob.class, name);
        job.setDefinition(new CpsFlowDefinition(script, true));
        return job;
    }
}
