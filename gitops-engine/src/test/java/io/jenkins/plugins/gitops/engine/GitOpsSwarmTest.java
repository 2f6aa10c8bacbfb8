package io.jenkins.plugins.gitops.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jenkins.plugins.gitops.engine.api.ObjectResult;
import io.jenkins.plugins.gitops.engine.api.SyncRequest;
import io.jenkins.plugins.gitops.engine.api.SyncResult;
import io.jenkins.plugins.gitops.engine.cluster.swarm.SwarmConnection;
import io.jenkins.plugins.gitops.engine.cluster.swarm.SwarmTarget;
import io.jenkins.plugins.gitops.engine.history.DeploymentRecord;
import io.jenkins.plugins.gitops.engine.lease.Lease;
import io.jenkins.plugins.gitops.engine.lease.LeaseHandle;
import io.jenkins.plugins.gitops.engine.lease.LeaseRefusedException;
import io.jenkins.plugins.gitops.engine.model.Environment;
import io.jenkins.plugins.gitops.engine.model.Labels;
import io.jenkins.plugins.gitops.engine.model.TargetSpec;
import io.jenkins.plugins.gitops.engine.render.Renderers;
import io.jenkins.plugins.gitops.engine.render.compose.ComposeRenderer;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The facade end to end on a real swarm manager (see .ci/swarm-up.sh): a Git repository made with
 * JGit, gitops.yaml with Swarm targets, compose files rendered, planned by the generic diff and
 * applied by the sync executor. Each test uses its own stack and removes it afterwards.
 */
@Timeout(300)
class GitOpsSwarmTest {
    private static final String HOST = System.getenv("GITOPS_TEST_DOCKER_HOST");
    private static final String SECRET_VALUE = "e2e-Secret-Value-9f3k";

    @TempDir
    Path temp;
    private Git git;
    private String stack;
    private final List<String> stacks = new ArrayList<>();

    @BeforeEach
    void repository() throws Exception {
        assumeTrue(HOST != null, "GITOPS_TEST_DOCKER_HOST is not set: no Docker swarm manager to test against;"
                + " run `eval \"$(.ci/swarm-up.sh)\"` first (CI always does)");
        stack = "e2e-" + Long.toString(System.nanoTime() % 100_000_000L, 36);
        stacks.add(stack);
        stacks.add(stack + "-broken");
        Path work = temp.resolve("repo");
        copy(resource("/gitops-swarm"), work);
        Path config = work.resolve("gitops.yaml");
        Files.writeString(config, Files.readString(config).replace("STACK", stack));
        git = Git.init().setInitialBranch("main").setDirectory(work.toFile()).call();
        commit("initial environments");
    }

    @AfterEach
    void removeStacks() throws Exception {
        if (git != null) {
            git.close();
        }
        for (String s : stacks) {
            docker("stack", "rm", s);
        }
    }

    @Test
    void firstSyncCreatesAndWaitsHealthySecondSyncUpdatesNothing() throws Exception {
        SyncResult first = sync(SyncRequest.of("it"));
        assertThat(first.succeeded()).as(first.message()).isTrue();
        assertThat(first.health()).isEqualTo("Healthy");
        // 3 services, the backend network, one config, one secret (the data volume is no Swarm object)
        assertThat(first.created()).isEqualTo(6);
        assertThat(names(first, "Service")).containsExactlyInAnyOrder(stack + "_api", stack + "_web", stack + "_worker");
        assertThat(docker("stack", "services", "--format", "{{.Name}} {{.Replicas}}", stack))
                .contains(stack + "_api 2/2", stack + "_web 1/1", stack + "_worker 1/1");
        Map<String, Long> versions = versions();

        SyncResult second = sync(SyncRequest.of("it"));
        assertThat(second.succeeded()).as(second.message()).isTrue();
        assertThat(second.objects()).as(() -> changed(second)).allMatch(o -> o.action().equals("unchanged"));
        assertThat(second.updated()).isZero();
        assertThat(second.created()).isZero();
        assertThat(second.deleted()).isZero();
        assertThat(second.unchanged()).isEqualTo(6);
        assertThat(versions()).isEqualTo(versions);
        assertThat(diff(SyncRequest.of("it")).inSync()).isTrue();
    }

    @Test
    void changingOneImageUpdatesExactlyThatServiceAndTheDiffShowsIt() throws Exception {
        assertThat(sync(SyncRequest.of("it")).succeeded()).isTrue();
        Map<String, Long> before = versions();
        edit("environments/it/docker-compose.yml", s -> s.replace("gitops-test/busybox:${WEB_TAG:-1}",
                "gitops-test/busybox:2"));
        commit("web: image 2");

        SyncResult diff = diff(SyncRequest.of("it"));
        assertThat(diff.dryRun()).isTrue();
        assertThat(diff.updated()).isEqualTo(1);
        ObjectResult web = object(diff, stack + "_web");
        assertThat(web.action()).isEqualTo("update");
        assertThat(web.diff()).contains("-", "gitops-test/busybox:1").contains("+", "gitops-test/busybox:2");
        // the image and the com.docker.stack.image label docker stack deploy also sets, nothing else
        assertThat(web.changes()).extracting(c -> c.pointer()).containsExactlyInAnyOrder(
                "/Spec/TaskTemplate/ContainerSpec/Image", "/Spec/Labels/com.docker.stack.image",
                "/metadata/labels/com.docker.stack.image");
        assertThat(versions()).as("a diff writes nothing").isEqualTo(before);

        SyncResult sync = sync(SyncRequest.of("it"));
        assertThat(sync.succeeded()).as(sync.message()).isTrue();
        assertThat(sync.updated()).isEqualTo(1);
        assertThat(sync.unchanged()).isEqualTo(5);
        Map<String, Long> after = versions();
        assertThat(after.get(stack + "_web")).isGreaterThan(before.get(stack + "_web"));
        assertThat(after).containsEntry(stack + "_api", before.get(stack + "_api"))
                .containsEntry(stack + "_worker", before.get(stack + "_worker"));
        assertThat(docker("service", "inspect", "--format", "{{.Spec.TaskTemplate.ContainerSpec.Image}}",
                stack + "_web").trim()).isEqualTo("gitops-test/busybox:2");
    }

    @Test
    void aServiceRemovedFromGitIsPrunedOnlyWhenPruneIsOn() throws Exception {
        assertThat(sync(SyncRequest.of("it")).succeeded()).isTrue();
        edit("environments/it/docker-compose.yml", s -> s.substring(0, s.indexOf("  worker:"))
                + s.substring(s.indexOf("\nnetworks:") + 1));
        commit("remove worker");

        SyncResult kept = sync(SyncRequest.of("it").withPrune(false));
        assertThat(kept.succeeded()).as(kept.message()).isTrue();
        assertThat(kept.pruneSkipped()).isEqualTo(1);
        assertThat(kept.deleted()).isZero();
        assertThat(docker("stack", "services", "--format", "{{.Name}}", stack)).contains(stack + "_worker");

        SyncResult pruned = sync(SyncRequest.of("it"));
        assertThat(pruned.succeeded()).as(pruned.message()).isTrue();
        assertThat(pruned.deleted()).isEqualTo(1);
        assertThat(object(pruned, stack + "_worker").action()).isEqualTo("delete");
        assertThat(pruned.updated()).isZero();
        assertThat(docker("stack", "services", "--format", "{{.Name}}", stack)).doesNotContain(stack + "_worker")
                .contains(stack + "_web", stack + "_api");
        assertThat(pruned.objects()).as("history is not part of the stack's live objects")
                .noneMatch(o -> o.name().contains("gitops-history"));
        try (GitOps gitops = gitops()) {
            assertThat(gitops.history("it")).as("three syncs, three records, none pruned").hasSize(3)
                    .extracting(DeploymentRecord::id).first().isEqualTo(pruned.recordId());
        }
    }

    @Test
    void composeVariablesComeFromTheSyncRequest() throws Exception {
        Map<String, String> tag2 = Map.of("WEB_TAG", "2", "LOG_LEVEL", "debug");
        SyncResult first = sync(SyncRequest.of("it").withVariables(tag2));
        assertThat(first.succeeded()).as(first.message()).isTrue();
        assertThat(docker("service", "inspect", "--format", "{{.Spec.TaskTemplate.ContainerSpec.Image}}",
                stack + "_web").trim()).isEqualTo("gitops-test/busybox:2");
        assertThat(docker("service", "inspect", "--format", "{{.Spec.TaskTemplate.ContainerSpec.Env}}",
                stack + "_api")).contains("LOG_LEVEL=debug");
        Map<String, Long> versions = versions();

        SyncResult same = sync(SyncRequest.of("it").withVariables(tag2));
        assertThat(same.updated()).as(() -> changed(same)).isZero();
        assertThat(versions()).isEqualTo(versions);

        SyncResult defaults = sync(SyncRequest.of("it"));
        assertThat(defaults.succeeded()).as(defaults.message()).isTrue();
        assertThat(defaults.updated()).isEqualTo(2);
        assertThat(docker("service", "inspect", "--format", "{{.Spec.TaskTemplate.ContainerSpec.Image}}",
                stack + "_web").trim()).isEqualTo("gitops-test/busybox:1");
    }

    @Test
    void anApplyErrorCountsOnlyTheObjectsActuallyWritten() throws Exception {
        // the daemon refuses a memory reservation under 4 MiB ("Must be at least 4MiB")
        edit("environments/it/docker-compose.yml", s -> s.replace("memory: 16M", "memory: '1000'"));
        commit("web reserves 1000 bytes");
        SyncResult result = sync(SyncRequest.of("it"));
        assertThat(result.succeeded()).isFalse();
        assertThat(result.message()).contains("Must be at least 4MiB");
        assertThat(result.objects()).filteredOn(o -> o.name().equals(stack + "_web"))
                .allMatch(o -> o.outcome().equals("failed"));
        long written = result.objects().stream().filter(o -> o.action().equals("create") && o.outcome().equals("done"))
                .count();
        assertThat(result.created()).isEqualTo((int) written).isLessThan(6);
        assertThat(result.summary()).contains(written + " created");
    }

    @Test
    void aFailingServiceFailsTheSyncWithTheTaskError() throws Exception {
        SyncResult result = sync(SyncRequest.of("broken"));
        assertThat(result.succeeded()).isFalse();
        assertThat(result.health()).isEqualTo("Degraded");
        assertThat(result.message()).contains(stack + "-broken_crash").contains("task error")
                .contains("non-zero exit (3)");
    }

    @Test
    void secretValuesAppearNowhereInResults() throws Exception {
        SyncResult first = sync(SyncRequest.of("it"));
        edit("environments/it/configs/db_password.txt", s -> "rotated-" + s);
        commit("rotate the password");
        SyncResult diff = diff(SyncRequest.of("it"));
        assertThat(diff.created()).as("a new content-hashed secret").isEqualTo(1);
        SyncResult rotated = sync(SyncRequest.of("it"));
        assertThat(rotated.succeeded()).as(rotated.message()).isTrue();
        assertThat(rotated.updated()).as("only web uses the secret").isEqualTo(1);
        for (SyncResult r : List.of(first, diff, rotated)) {
            assertThat(r.toString()).doesNotContain(SECRET_VALUE);
        }
        assertThat(docker("secret", "ls", "--format", "{{.Name}}", "--filter", "label=com.docker.stack.namespace="
                + stack).lines().toList()).as("the superseded secret version is removed").hasSize(1);
    }

    @Test
    void historyIsKeptInTheSwarmAndSurvivesTheLossOfTheCiServersCache() throws Exception {
        SyncResult first = sync(SyncRequest.of("it"));
        assertThat(first.succeeded()).as(first.message()).isTrue();
        edit("environments/it/docker-compose.yml", s -> s.replace("gitops-test/busybox:${WEB_TAG:-1}",
                "gitops-test/busybox:2"));
        commit("web: image 2");
        SyncResult second = sync(SyncRequest.of("it"));
        assertThat(second.succeeded()).as(second.message()).isTrue();

        // another CI server: an empty cache, nothing but the repository and the swarm
        try (GitOps elsewhere = gitops(temp.resolve("another-ci-server"))) {
            List<DeploymentRecord> history = elsewhere.history("it");
            assertThat(history).extracting(DeploymentRecord::id).containsExactly(second.recordId(), first.recordId());
            assertThat(history.get(0).release()).containsEntry(stack + "_web", "gitops-test/busybox:2");
            assertThat(history).allMatch(DeploymentRecord::succeeded);
        }
        assertThat(docker("config", "ls", "--format", "{{.Name}}", "--filter", "label=" + Labels.INTERNAL + "=true",
                "--filter", "label=com.docker.stack.namespace=" + stack).lines().toList())
                .containsExactlyInAnyOrder(stack + "_gitops-history-it-" + first.recordId(),
                        stack + "_gitops-history-it-" + second.recordId());
        assertThat(Files.exists(temp.resolve("cache").resolve("history"))).as("nothing kept on the CI server").isFalse();
    }

    @Test
    void aSyncIsRefusedWhileAnotherHolderHasTheEnvironmentsLock() throws Exception {
        Environment it = Environment.of("it", "environments/it", TargetSpec.swarm(stack));
        try (SwarmTarget target = SwarmTarget.connect(it, SwarmConnection.plain(HOST))) {
            Lease lease = target.lease();
            LeaseHandle held = lease.acquire("it", "jenkins-controller/job/deploy#7", Duration.ofMinutes(10));
            try (GitOps gitops = gitops(temp.resolve("cache"))) {
                assertThatThrownBy(() -> gitops.sync(SyncRequest.of("it"))).isInstanceOf(LeaseRefusedException.class)
                        .hasMessageStartingWith("environment 'it' is locked by jenkins-controller/job/deploy#7 since ");
                assertThat(gitops.status("it").leaseHolder()).isEqualTo("jenkins-controller/job/deploy#7");
            }
            assertThat(docker("service", "ls", "-q", "--filter", "label=com.docker.stack.namespace=" + stack))
                    .as("nothing was written").isBlank();
            held.release();
            SyncResult after = sync(SyncRequest.of("it"));
            assertThat(after.succeeded()).as(after.message()).isTrue();
            assertThat(lease.currentHolder("it")).as("the sync released its lock").isNull();
        }
    }

    private SyncResult sync(SyncRequest request) {
        // A GitOps per operation, as a Jenkins step builds one per run (the clone cache is shared).
        try (GitOps gitops = gitops()) {
            return gitops.sync(request);
        }
    }

    private SyncResult diff(SyncRequest request) {
        try (GitOps gitops = gitops()) {
            return gitops.diff(request);
        }
    }

    private GitOps gitops() {
        return gitops(temp.resolve("cache"));
    }

    private GitOps gitops(Path cacheDir) {
        return GitOps.builder()
                .repository(git.getRepository().getWorkTree().toString())
                .cacheDir(cacheDir)
                .renderers(Renderers.standard().with(new ComposeRenderer()))
                .targets(env -> SwarmTarget.connect(env, SwarmConnection.plain(HOST)))
                .build();
    }

    private void commit(String message) throws Exception {
        git.add().addFilepattern(".").call();
        git.add().setUpdate(true).addFilepattern(".").call();
        git.commit().setMessage(message).setAuthor("Test", "test@example.com")
                .setCommitter("Test", "test@example.com").call();
    }

    private void edit(String path, UnaryOperator<String> change) throws IOException {
        Path file = git.getRepository().getWorkTree().toPath().resolve(path);
        Files.writeString(file, change.apply(Files.readString(file)));
    }

    /** Version.Index of every service of the stack, read with the docker command. */
    private Map<String, Long> versions() throws Exception {
        Map<String, Long> versions = new TreeMap<>();
        String ids = docker("service", "ls", "-q", "--filter", "label=com.docker.stack.namespace=" + stack);
        List<String> args = new ArrayList<>(List.of("service", "inspect", "--format", "{{.Spec.Name}} {{.Version.Index}}"));
        args.addAll(ids.lines().filter(l -> !l.isBlank()).toList());
        docker(args.toArray(String[]::new)).lines().map(l -> l.split(" "))
                .forEach(p -> versions.put(p[0], Long.parseLong(p[1])));
        assertThat(versions).isNotEmpty();
        return versions;
    }

    private static List<String> names(SyncResult result, String kind) {
        return result.objects().stream().filter(o -> o.kind().equals(kind)).map(ObjectResult::name).toList();
    }

    private static ObjectResult object(SyncResult result, String name) {
        return result.objects().stream().filter(o -> o.name().equals(name)).findFirst().orElseThrow();
    }

    private static String changed(SyncResult result) {
        StringBuilder sb = new StringBuilder();
        result.objects().stream().filter(o -> !o.action().equals("unchanged"))
                .forEach(o -> sb.append(o.id()).append(' ').append(o.action()).append(": ").append(o.changes())
                        .append('\n').append(o.diff()).append('\n'));
        return sb.toString();
    }

    static String docker(String... args) throws IOException, InterruptedException {
        return io.jenkins.plugins.gitops.engine.testing.DockerCli.run(HOST, args);
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(GitOpsSwarmTest.class.getResource(name).toURI());
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest);
                }
            }
        }
    }
}
