package io.jenkins.plugins.gitops.cli;

import io.jenkins.plugins.gitops.engine.GitOps;
import io.jenkins.plugins.gitops.engine.api.SyncRequest;
import io.jenkins.plugins.gitops.engine.api.SyncResult;
import io.jenkins.plugins.gitops.engine.cluster.kubernetes.ControllerStandIn;
import io.jenkins.plugins.gitops.engine.cluster.kubernetes.InProcessKubernetes;
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

    private PrintWriter out;

    @Override
    public Integer call() throws IOException {
        out = spec.commandLine().getOut();
        Path workDir = Files.createTempDirectory("gitops-demo-");
        try {
            kubernetes(workDir);
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
                clearly labelled STAND-IN writes Deployment status the way the Deployment controller
                would (rolled out and available; failed for images tagged ':broken').""");
        try (InProcessKubernetes api = InProcessKubernetes.start();
                ControllerStandIn standIn = api.startControllerStandIn();
                DemoRepository repo = DemoRepository.create("kubernetes", workDir.resolve("docs-gitops"));
                GitOps gitOps = GitOps.builder().repository(repo.location()).cacheDir(workDir.resolve("cache"))
                        .targets(env -> new KubernetesTarget(api.newClient(), env)).listener(this::progress).build()) {
            say("In-process API at " + api.url() + "; example repository at " + repo.folder());

            step("1. First sync of development: everything is created, in order, and waited for until healthy");
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
        }
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
