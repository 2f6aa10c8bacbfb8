package io.jenkins.plugins.gitops.bench;

import io.jenkins.plugins.gitops.testkit.InProcessKubernetes;
import io.jenkins.plugins.gitops.engine.cluster.kubernetes.KubernetesTarget;
import io.jenkins.plugins.gitops.engine.config.ProjectConfigLoader;
import io.jenkins.plugins.gitops.engine.history.DeploymentRecord;
import io.jenkins.plugins.gitops.engine.model.DesiredState;
import io.jenkins.plugins.gitops.engine.model.Environment;
import io.jenkins.plugins.gitops.engine.model.TrackingId;
import io.jenkins.plugins.gitops.engine.model.ProjectConfig;
import io.jenkins.plugins.gitops.engine.model.Resource;
import io.jenkins.plugins.gitops.engine.model.ResourceKey;
import io.jenkins.plugins.gitops.engine.model.Revision;
import io.jenkins.plugins.gitops.engine.render.Renderers;
import io.jenkins.plugins.gitops.engine.render.compose.ComposeRenderer;
import io.jenkins.plugins.gitops.engine.source.GitCredentials;
import io.jenkins.plugins.gitops.engine.source.GitSource;
import io.jenkins.plugins.gitops.engine.source.SourceTree;
import io.jenkins.plugins.gitops.engine.sync.SyncPlanner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The steps of one environment's drift check, in the order {@code GitOps.drift} takes them, each
 * timed on its own (wall time and API requests), for every environment in turn: what a drift cycle
 * spends its time on. Uses the same public pieces the facade joins (GitSource, the renderers,
 * KubernetesTarget, the history store, SyncPlanner).
 */
final class DriftPieces {
    private final InProcessKubernetes api;
    private final Path repository;
    private final Path cache;
    private final Map<String, List<Double>> millis = new LinkedHashMap<>();
    private final Map<String, Map<String, Long>> requests = new LinkedHashMap<>();

    DriftPieces(InProcessKubernetes api, Path repository, Path cache) {
        this.api = api;
        this.repository = repository;
        this.cache = cache;
    }

    void print(List<String> environments) {
        Renderers renderers = Renderers.standard().with(new ComposeRenderer());
        try (GitSource git = new GitSource(repository.toString(), GitCredentials.NONE, cache)) {
            for (String name : environments) {
                Revision head = time("Git fetch + resolve HEAD", () -> fetch(git));
                SourceTree headTree = git.tree(head);
                Environment env = time("read + parse gitops.yaml", () -> ProjectConfigLoader
                        .load(headTree.read(ProjectConfig.FILE_NAME), ProjectConfig.FILE_NAME).environment(name)
                        .withRepository(TrackingId.repositoryId(repository.toString())));
                try (KubernetesTarget target = time("open target (new client)", () -> new KubernetesTarget(api.newClient(), env))) {
                    List<DeploymentRecord> records = time("read history", () -> target.historyStore().list(name));
                    Revision synced = time("Git fetch + resolve synced rev.", () -> {
                        fetch(git);
                        return git.resolve(records.get(0).revision());
                    });
                    DesiredState rendered = time("render 100 objects", () -> renderers.render(git.tree(synced), env,
                            env.variables(), synced.commitId()));
                    DesiredState prepared = time("prepare", () -> target.prepare(rendered));
                    Map<ResourceKey, Resource> live = time("list live", () -> target.live(prepared));
                    time("plan (compare)", () -> new SyncPlanner(target).plan(env, prepared, live));
                }
            }
        }
        System.out.printf("Pieces of one environment's drift, each timed alone, over the %d environments in turn:%n",
                environments.size());
        System.out.printf("| %-32s | %10s | %10s | %10s | %-30s |%n", "piece", "median ms", "p95 ms", "sum ms",
                "API requests per environment");
        System.out.printf("|%s|%s|%s|%s|%s|%n", "-".repeat(34), "-".repeat(12), "-".repeat(12), "-".repeat(12), "-".repeat(32));
        millis.forEach((piece, values) -> {
            double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
            Map<String, Long> perEnvironment = new TreeMap<>();
            requests.get(piece).forEach((verb, n) -> perEnvironment.put(verb, n / values.size()));
            System.out.printf("| %-32s | %10.1f | %10.1f | %10.0f | %-30s |%n", piece, Measurement.median(v),
                    Measurement.p95(v), java.util.Arrays.stream(v).sum(), Measurement.verbs(perEnvironment));
        });
    }

    private static Revision fetch(GitSource git) {
        git.refresh();
        return git.resolve(null);
    }

    private <T> T time(String piece, Supplier<T> step) {
        api.resetRequestCounts();
        long started = System.nanoTime();
        T result = step.get();
        millis.computeIfAbsent(piece, p -> new ArrayList<>()).add((System.nanoTime() - started) / 1e6);
        Map<String, Long> sum = requests.computeIfAbsent(piece, p -> new TreeMap<>());
        api.requestCounts().forEach((verb, n) -> sum.merge(verb, n, Long::sum));
        return result;
    }
}
