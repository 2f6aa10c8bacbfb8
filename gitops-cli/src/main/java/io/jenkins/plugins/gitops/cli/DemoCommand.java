package io.jenkins.plugins.gitops.cli;

import io.jenkins.plugins.gitops.engine.GitOps;
import io.jenkins.plugins.gitops.engine.api.DriftReport;
import io.jenkins.plugins.gitops.engine.api.OperationResult;
import io.jenkins.plugins.gitops.engine.api.PreviewRequest;
import io.jenkins.plugins.gitops.engine.api.PreviewResult;
import io.jenkins.plugins.gitops.engine.api.PromoteRequest;
import io.jenkins.plugins.gitops.engine.api.SyncRequest;
import io.jenkins.plugins.gitops.engine.api.SyncResult;
import io.jenkins.plugins.gitops.testkit.ControllerStandIn;
import io.jenkins.plugins.gitops.testkit.InProcessKubernetes;
import io.jenkins.plugins.gitops.engine.cluster.kubernetes.KubernetesTarget;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gitops demo}: the whole flow on a machine with no cluster. Creates an example GitOps
 * repository, starts an in-process Kubernetes API, syncs, re-syncs, changes Git and syncs again.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the GitOps flow end to end against an in-process Kubernetes API (no cluster needed).")
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--keep", description = "keep the demo repository folder afterwards")
    boolean keep;

    @Option(names = "--kubernetes-only", description = "run the Kubernetes part only, even when a Docker daemon is given")
    boolean kubernetesOnly;

    private PrintWriter out;

    @Override
    public Integer call() throws IOException {
        out = spec.commandLine().getOut();
        Path workDir = Files.createTempDirectory("gitops-demo-");
        try {
            kubernetes(workDir);
            if (!kubernetesOnly) {
                swarm(workDir);
            }
            out.println();
            out.println("Demo finished." + (keep ? " Repository kept in " + workDir : ""));
            return ExitCodes.OK;
        } finally {
            out.flush();
            if (!keep) {
                deleteRecursively(workDir);
            }
        }
    }

    private void kubernetes(Path workDir) {
        heading("Kubernetes: the docs platform (development, staging, production)");
        say("""
                No real cluster here: the Kubernetes API is fabric8's mock server in CRUD mode, running
                in this process. It stores objects like an API server but runs no controllers, so a
                clearly labelled STAND-IN writes Deployment, Job and Pod status the way the controllers
                would (rolled out and available, Jobs complete; failed for images tagged ':broken').""");
        try (InProcessKubernetes api = InProcessKubernetes.start();
                ControllerStandIn standIn = api.startControllerStandIn();
                DemoRepository repo = DemoRepository.create("kubernetes", workDir.resolve("docs-gitops"));
                GitOps gitOps = GitOps.builder().repository(repo.location()).cacheDir(workDir.resolve("cache"))
                        // one client shared by all operations, as the command and the agent share one per cluster
                        .targets(env -> new KubernetesTarget(api.client(), env, false)).listener(this::progress)
                        .build()) {
            say("In-process API at " + api.url() + "; example repository at " + repo.folder());

            step("1. First sync of development: the PreSync migration Job runs and completes first, then everything"
                    + " is created, in order, and waited for until healthy");
            show(gitOps.sync(request("development")));

            step("2. Sync again without changes: nothing to write");
            api.resetRequestCounts();
            SyncResult again = gitOps.sync(request("development"));
            show(again);
            say("API requests made by the no-op sync: " + api.requestCounts() + " (no POST, PATCH, PUT or DELETE)");

            step("3. A developer releases 1.1.0 to development and drops the feature-flags ConfigMap");
            String kustomization = repo.read("environments/development/kustomization.yaml");
            repo.write("environments/development/kustomization.yaml", kustomization
                    .replace("newTag: 1.1.0-rc.1", "newTag: 1.1.0").replace("  - feature-flags.yaml\n", ""));
            repo.delete("environments/development/feature-flags.yaml");
            say("committed " + repo.commit("development: release docs-platform 1.1.0, drop feature flags"));

            step("4. gitops diff development: what differs between Git and the environment");
            SyncResult diff = gitOps.diff(request("development"));
            ResultPrinter.print(diff, OutputFormat.text, true, out);

            step("5. gitops sync development: the Deployment is updated and the ConfigMap pruned");
            show(gitOps.sync(request("development")));

            step("6. Staging is synced on demand: two replicas of 1.0.0");
            show(gitOps.sync(request("staging")));

            step("7. Someone edits the development Deployment by hand (kubectl edit): drift is detected and healed");
            api.client().apps().deployments().inNamespace("docs-dev").withName("docs-platform").edit(d -> {
                d.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("intelgraph/docs-platform:hotfix-by-hand");
                return d;
            });
            DriftReport drift = gitOps.drift("development", false);
            say("drift report: " + drift.message());
            drift.objects().forEach(o -> out.print(o.diff().indent(4)));
            DriftReport healed = gitOps.drift("development", true);
            say("development has selfHeal: true, so the agent heals it: " + healed.message());

            step("8. Promote development's release to staging: a structured commit in Git, then a sync");
            OperationResult promoted = gitOps.promote(PromoteRequest.of("development", "staging").withSync(true)
                    .withTrigger("demo", "release-manager"));
            say(promoted.message() + ": " + String.join(", ", promoted.changes()));
            say("commit " + promoted.commitId().substring(0, 12) + ", staging is " + promoted.sync().summary());

            step("9. A broken release reaches staging: the health wait fails and staging rolls back by itself");
            repo.write("environments/staging/kustomization.yaml", repo.read("environments/staging/kustomization.yaml")
                    .replace("newTag: 1.1.0", "newTag: broken"));
            say("committed " + repo.commit("staging: try release 'broken'"));
            SyncResult failed = gitOps.sync(request("staging"));
            say("sync result: " + (failed.succeeded() ? "succeeded" : "FAILED: " + failed.message()));
            say("staging now runs " + api.client().apps().deployments().inNamespace("docs-staging").withName("docs-platform")
                    .get().getSpec().getTemplate().getSpec().getContainers().get(0).getImage()
                    + " again; it is pinned there until Git is fixed: " + gitOps.status("staging").pinned());

            step("10. gitops history staging (kept in a ConfigMap in the cluster, so it survives any CI server)");
            HistoryTable.print(gitOps.history("staging"), out);

            step("11. A pull request gets a preview: development copied into its own namespace with the PR's image");
            PreviewResult preview = gitOps.previewCreate(PreviewRequest.of("development", "42")
                    .withVariables(java.util.Map.of("IMAGE_TAG", "pr-42-3f9a1c0")).withTrigger("demo", "demo"));
            show(preview.sync());
            say("preview " + preview.name() + " answers at " + preview.url() + "; gitops preview list:");
            gitOps.previews("development").forEach(p -> say("    " + p.name() + "  revision " + p.revision().substring(0, 12)
                    + "  health " + p.health() + "  " + p.url()));
            say("development itself is untouched: " + gitOps.diff(request("development")).summary());

            step("12. The pull request is merged: its preview is deleted, and only its objects");
            PreviewResult deleted = gitOps.previewDelete("development", "42");
            say("deleted " + deleted.sync().deleted() + " object(s); namespace development-pr-42 "
                    + (api.client().namespaces().withName("development-pr-42").get() == null ? "is gone" : "still exists")
                    + "; docs-dev still runs " + api.client().apps().deployments().inNamespace("docs-dev")
                    .withName("docs-platform").get().getSpec().getTemplate().getSpec().getContainers().get(0).getImage());
        }
    }

    private void swarm(Path workDir) {
        heading("Docker Swarm: the MediaNest stack");
        String host = System.getenv("DOCKER_HOST");
        if (host == null || host.isBlank()) {
            host = System.getenv("GITOPS_TEST_DOCKER_HOST");
        }
        if (host == null || host.isBlank()) {
            say("Skipped: no Docker daemon given. Set DOCKER_HOST to a swarm manager (for example "
                    + "unix:///var/run/docker.sock) to run the Swarm part.");
            return;
        }
        SwarmDemo.run(out, workDir.resolve("swarm"), host);
    }

    private static SyncRequest request(String environment) {
        return SyncRequest.of(environment).withTrigger("demo", "demo");
    }

    private void show(SyncResult result) {
        ResultPrinter.print(result, OutputFormat.text, false, out);
    }

    private void heading(String text) {
        out.println();
        out.println("=== " + text + " ===");
    }

    private void step(String text) {
        out.println();
        out.println("--- " + text);
        out.flush();
    }

    private void say(String text) {
        out.println(text);
        out.flush();
    }

    private void progress(String message) {
        out.println("    | " + message);
        out.flush();
    }

    private static void deleteRecursively(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
