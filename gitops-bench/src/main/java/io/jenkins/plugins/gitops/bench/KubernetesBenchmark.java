package io.jenkins.plugins.gitops.bench;

import io.jenkins.plugins.gitops.engine.GitOps;
import io.jenkins.plugins.gitops.engine.api.SyncRequest;
import io.jenkins.plugins.gitops.engine.api.SyncResult;
import io.jenkins.plugins.gitops.testkit.InProcessKubernetes;
import io.jenkins.plugins.gitops.engine.cluster.kubernetes.KubernetesTarget;
import io.jenkins.plugins.gitops.engine.config.ProjectConfigLoader;
import io.jenkins.plugins.gitops.engine.model.DesiredState;
import io.jenkins.plugins.gitops.engine.model.Environment;
import io.jenkins.plugins.gitops.engine.model.TrackingId;
import io.jenkins.plugins.gitops.engine.model.ProjectConfig;
import io.jenkins.plugins.gitops.engine.model.Resource;
import io.jenkins.plugins.gitops.engine.model.ResourceKey;
import io.jenkins.plugins.gitops.bench.Measurement.Figure;
import io.jenkins.plugins.gitops.engine.render.Renderers;
import io.jenkins.plugins.gitops.engine.source.DirectoryTree;
import io.jenkins.plugins.gitops.engine.sync.SyncPlan;
import io.jenkins.plugins.gitops.engine.sync.SyncPlanner;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.jgit.api.Git;

/**
 * Syncs a generated 1,000-object environment into the in-process Kubernetes API and prints, per phase,
 * wall time, API requests by verb and peak heap; then times the pieces of a diff on their own (render,
 * prepare+validate, list live, plan). Run with {@code bench/kubernetes.sh}; results are in
 * docs/benchmarks.md. Each round uses a fresh API and a fresh repository; the first round in the JVM is
 * reported on its own (cold JIT), the others as the median of {@code --rounds}.
 * <p>
 * Peak heap: the sum of the peak usage of every heap memory pool, reset after a full GC before the
 * phase. It includes garbage not yet collected and the in-process API server's own objects (same JVM).
 * CPU ms: CPU time of the thread running the phase. For render, prepare and plan that is all the work,
 * and unlike wall time it does not grow with other load on the machine; for phases that call the API it
 * leaves out the server's and the HTTP client's threads.
 */
public final class KubernetesBenchmark {
    static final String ENVIRONMENT = "bench";
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final List<String> PHASES = List.of("first sync", "no-op re-sync", "diff, 1 object changed",
            "sync of that change", "plan only (SyncPlanner)", "  render only", "  prepare+validate only",
            "  list live only");
    /** Kinds listed per sync: Namespace, Deployment, Service, ConfigMap, Secret, Ingress. */
    private static final int KINDS = 6;
    private static final int PIECE_REPEATS = 5;

    private final int apps;

    KubernetesBenchmark(int apps) {
        this.apps = apps;
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        KubernetesBenchmark bench = new KubernetesBenchmark(250);
        System.out.printf("Kubernetes benchmark: %d objects (%s) into the in-process API (fabric8 mock server, CRUD mode)%n",
                bench.objectCount(), bench.mix());
        System.out.println(Measurement.machine() + "\n");
        print("cold: first round in this JVM (plain folder, no health wait)", List.of(bench.round(false, false)));
        List<String> problems = new ArrayList<>();
        for (boolean git : List.of(false, true)) {
            for (boolean wait : List.of(false, true)) {
                List<Map<String, Figure>> measured = new ArrayList<>();
                for (int i = 0; i < rounds; i++) {
                    measured.add(bench.round(git, wait));
                }
                String title = (git ? "local Git repository" : "plain folder") + ", " + (wait ? "waiting for health" : "no health wait");
                print(title + ": median of " + rounds + " rounds", measured);
                problems.addAll(check(title, measured));
            }
        }
        System.out.printf("load average at the end: %.1f%n", Measurement.loadAverage());
        System.out.println(problems.isEmpty() ? "Goals met: the no-op re-sync writes nothing, lists each kind at most once,"
                + " and planning 1,000 objects takes under 200 ms of CPU." : "GOALS MISSED:\n  " + String.join("\n  ", problems));
        System.exit(problems.isEmpty() ? 0 : 1);
    }

    /** One round against a fresh API and a fresh repository. */
    Map<String, Figure> round(boolean git, boolean wait) throws Exception {
        Path temp = Files.createTempDirectory("gitops-bench");
        Map<String, Figure> figures = new LinkedHashMap<>();
        try (InProcessKubernetes api = InProcessKubernetes.start(); Workspace repo = Workspace.create(temp.resolve("repo"), git, this)) {
            if (wait) {
                api.startControllerStandIn();
            }
            try (GitOps gitOps = GitOps.builder().repository(repo.folder().toString()).cacheDir(temp.resolve("cache"))
                    .targets(env -> new KubernetesTarget(api.newClient(), env)).build()) {
                SyncRequest sync = SyncRequest.of(ENVIRONMENT).withWait(wait);
                figures.put(PHASES.get(0), Measurement.measure(api, () -> expect(gitOps.sync(sync), objectCount() + 1, 0)));
                figures.put(PHASES.get(1), Measurement.measure(api, () -> expect(gitOps.sync(sync), 0, 0)));
                repo.changeOneImage();
                figures.put(PHASES.get(2), Measurement.measure(api, () -> expect(gitOps.diff(sync), 0, 1)));
                figures.put(PHASES.get(3), Measurement.measure(api, () -> expect(gitOps.sync(sync), 0, 1)));
            }
            figures.putAll(diffPieces(api, repo.folder()));
        } finally {
            Measurement.deleteRecursively(temp);
        }
        return figures;
    }

    /** Times render, prepare+validate, live listing and planning of the synced state separately. */
    private Map<String, Figure> diffPieces(InProcessKubernetes api, Path folder) {
        DirectoryTree tree = new DirectoryTree(folder);
        // owned as GitOps.sync from this folder owns it (the sync planner refuses objects of another owner)
        Environment env = ProjectConfigLoader.load(tree.read(ProjectConfig.FILE_NAME), ProjectConfig.FILE_NAME)
                .environment(ENVIRONMENT).withRepository(TrackingId.repositoryId(folder.toString()));
        Renderers renderers = Renderers.standard();
        Map<String, Figure> out = new LinkedHashMap<>();
        try (KubernetesTarget target = new KubernetesTarget(api.newClient(), env)) {
            DesiredState rendered = renderers.render(tree, env, env.variables(), null);
            DesiredState prepared = target.prepare(rendered);
            target.validate(prepared);
            Map<ResourceKey, Resource> live = target.live(prepared);
            out.put(PHASES.get(4), medianOfRuns(api, () -> {
                SyncPlan plan = new SyncPlanner(target).plan(env, prepared, live);
                if (plan.tasks().size() != objectCount() + 1) {
                    throw new IllegalStateException("planned " + plan.tasks().size() + " tasks");
                }
            }));
            out.put(PHASES.get(5), medianOfRuns(api, () -> renderers.render(tree, env, env.variables(), null)));
            out.put(PHASES.get(6), medianOfRuns(api, () -> target.validate(target.prepare(rendered))));
            out.put(PHASES.get(7), medianOfRuns(api, () -> target.live(prepared)));
        }
        return out;
    }

    private static void expect(SyncResult result, int created, int updated) {
        if (!result.succeeded() || result.created() != created || result.updated() != updated || result.deleted() != 0) {
            throw new IllegalStateException("unexpected result: " + result.summary() + " " + result.message());
        }
    }

    /** The median of {@value #PIECE_REPEATS} runs of a piece (each piece is short, so one run is noisy). */
    private static Figure medianOfRuns(InProcessKubernetes api, Runnable piece) {
        List<Figure> runs = new ArrayList<>();
        for (int i = 0; i < PIECE_REPEATS; i++) {
            runs.add(Measurement.measure(api, piece));
        }
        runs.sort(Comparator.comparingDouble(Figure::millis));
        return runs.get(PIECE_REPEATS / 2);
    }

    private static List<String> check(String title, List<Map<String, Figure>> rounds) {
        List<String> problems = new ArrayList<>();
        for (Map<String, Figure> round : rounds) {
            Map<String, Long> noOp = round.get(PHASES.get(1)).requests();
            if (noOp.keySet().stream().anyMatch(WRITES::contains)) {
                problems.add(title + ": the no-op re-sync wrote: " + Measurement.verbs(noOp));
            }
            if (noOp.getOrDefault("LIST", 0L) > KINDS) {
                problems.add(title + ": the no-op re-sync made " + noOp.get("LIST") + " LISTs for " + KINDS + " kinds");
            }
        }
        // planning is single-threaded computation: its CPU time is its wall time on an idle machine
        double planCpu = median(rounds, PHASES.get(4), Figure::cpuMillis);
        double planWall = median(rounds, PHASES.get(4), Figure::millis);
        if (planCpu >= 200) {
            problems.add(title + ": planning 1,000 objects took " + Math.round(planCpu) + " ms CPU (goal: under 200 ms)");
        } else if (planWall >= 200) {
            System.out.printf("note: %s: planning took %d ms CPU but %d ms wall: other load on the machine%n", title,
                    Math.round(planCpu), Math.round(planWall));
        }
        return problems;
    }

    private static void print(String title, List<Map<String, Figure>> rounds) {
        System.out.println(title);
        System.out.printf("| %-26s | %9s | %10s | %-50s | %12s |%n", "phase", "wall ms", "CPU ms", "API requests by verb",
                "peak heap MB");
        System.out.printf("|%s|%s|%s|%s|%s|%n", "-".repeat(28), "-".repeat(11), "-".repeat(12), "-".repeat(52), "-".repeat(14));
        for (String phase : PHASES) {
            Map<String, Long> requests = rounds.get(rounds.size() / 2).get(phase).requests();
            boolean same = rounds.stream().allMatch(r -> r.get(phase).requests().equals(requests));
            System.out.printf("| %-26s | %9.1f | %10.1f | %-50s | %12.0f |%n", phase, median(rounds, phase, Figure::millis),
                    median(rounds, phase, Figure::cpuMillis), Measurement.verbs(requests) + (same ? "" : " (varies)"), median(rounds, phase, Figure::peakHeapMb));
        }
        System.out.println();
    }

    private static double median(List<Map<String, Figure>> rounds, String phase, java.util.function.ToDoubleFunction<Figure> value) {
        return Measurement.median(rounds.stream().mapToDouble(r -> value.applyAsDouble(r.get(phase))).toArray());
    }

    int objectCount() {
        return apps * 4;
    }

    String mix() {
        return apps + " Deployments, " + apps + " Services, " + (apps - apps / 5) + " ConfigMaps, "
                + (apps - apps / 5) + " Secrets, " + (2 * apps / 5) + " Ingresses in 10 files; plus the namespace";
    }

    /** The YAML of app {@code i}: a Deployment and a Service, and a ConfigMap and Secret or two Ingresses. */
    String app(int i, String tag) {
        String name = String.format("app-%03d", i);
        return KubernetesObjects.deploymentAndService(name, tag) + (i % 5 != 4 ? KubernetesObjects.configMapAndSecret(name)
                : KubernetesObjects.ingress(name, name) + KubernetesObjects.ingress(name + "-admin", name));
    }

    /** The generated repository: plain folder or local Git repository. */
    record Workspace(Path folder, Git git, KubernetesBenchmark bench) implements AutoCloseable {
        static Workspace create(Path folder, boolean git, KubernetesBenchmark bench) throws Exception {
            Files.createDirectories(folder.resolve("environments/bench"));
            Files.writeString(folder.resolve(ProjectConfig.FILE_NAME), """
                    environments:
                      bench:
                        path: environments/bench
                        target: { kubernetes: { namespace: bench } }
                        prune: true
                        health: { timeout: 2m }
                    """);
            for (int file = 0; file < 10; file++) {
                StringBuilder yaml = new StringBuilder();
                for (int i = file; i < bench.apps; i += 10) {
                    yaml.append(bench.app(i, "1.0.0"));
                }
                Files.writeString(folder.resolve("environments/bench/apps-" + file + ".yaml"), yaml);
            }
            Workspace workspace = new Workspace(folder, git ? Git.init().setDirectory(folder.toFile())
                    .setInitialBranch("main").call() : null, bench);
            workspace.commit("1,000 objects");
            return workspace;
        }

        void changeOneImage() throws Exception {
            Path file = folder.resolve("environments/bench/apps-0.yaml");
            Files.writeString(file, Files.readString(file).replace("app-000:1.0.0", "app-000:1.0.1"));
            commit("app-000 1.0.1");
        }

        private void commit(String message) throws Exception {
            if (git != null) {
                git.add().addFilepattern(".").call();
                git.commit().setMessage(message).setAuthor("bench", "bench@example.test")
                        .setCommitter("bench", "bench@example.test").call();
            }
        }

        @Override
        public void close() {
            if (git != null) {
                git.close();
            }
        }
    }
}
