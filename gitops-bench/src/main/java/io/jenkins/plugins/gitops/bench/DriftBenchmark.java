package io.jenkins.plugins.gitops.bench;

import io.jenkins.plugins.gitops.engine.GitOps;
import io.jenkins.plugins.gitops.engine.api.DriftReport;
import io.jenkins.plugins.gitops.engine.api.ObjectResult;
import io.jenkins.plugins.gitops.engine.api.SyncRequest;
import io.jenkins.plugins.gitops.engine.api.SyncResult;
import io.jenkins.plugins.gitops.bench.Measurement.Figure;
import io.jenkins.plugins.gitops.testkit.InProcessKubernetes;
import io.jenkins.plugins.gitops.engine.cluster.kubernetes.KubernetesTarget;
import io.jenkins.plugins.gitops.engine.model.ProjectConfig;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.eclipse.jgit.api.Git;

/**
 * One drift cycle, {@code GitOps.drift(env, false)} for every environment, over 50 environments of
 * 100 objects each in the in-process Kubernetes API: sequentially and with 4 threads (the agent's
 * default parallelism), first with no drift, then with 3 objects changed by hand in 5 environments.
 * Checks that every report finds exactly the objects changed and exits 1 when one does not. Then
 * times the pieces of one environment's drift ({@link DriftPieces}). Run with {@code bench/drift.sh};
 * results are in docs/benchmarks.md.
 */
public final class DriftBenchmark {
    static final int ENVIRONMENTS = 50;
    /** Apps per environment; each is a Deployment, a Service, a ConfigMap and a Secret. */
    static final int APPS = 25;
    static final int POOL = 4;
    /** Environments changed by hand in the second variant, and the objects changed in each. */
    static final List<Integer> CHANGED_ENVIRONMENTS = List.of(3, 14, 25, 36, 47);
    static final List<String> CHANGED_OBJECTS = List.of("Deployment/%s/app-001", "ConfigMap/%s/app-002-config",
            "Secret/%s/app-003-secret");

    /** One cycle: the figures of all of it, the wall time and requests of each environment, the reports. */
    record Cycle(Figure figure, double processCpuMillis, double[] environmentMillis,
            List<Map<String, Long>> environmentRequests, List<DriftReport> reports) {
    }

    private final InProcessKubernetes api;
    private final GitOps gitOps;
    private final List<String> problems = new ArrayList<>();

    private DriftBenchmark(InProcessKubernetes api, GitOps gitOps) {
        this.api = api;
        this.gitOps = gitOps;
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        System.out.printf("Drift benchmark: one cycle over %d environments x %d objects (%d Deployments, Services,"
                + " ConfigMaps, Secrets each; plus the namespace) in the in-process API%n", ENVIRONMENTS, APPS * 4, APPS);
        System.out.println(Measurement.machine() + "\n");
        Path temp = Files.createTempDirectory("gitops-drift-bench");
        int exit;
        try (InProcessKubernetes api = InProcessKubernetes.start()) {
            Path repo = createRepository(temp.resolve("repo"));
            try (GitOps gitOps = GitOps.builder().repository(repo.toString()).cacheDir(temp.resolve("cache"))
                    .targets(env -> new KubernetesTarget(api.newClient(), env)).build()) {
                exit = new DriftBenchmark(api, gitOps).run(rounds, repo, temp.resolve("pieces-cache"));
            }
        } finally {
            Measurement.deleteRecursively(temp);
        }
        System.exit(exit);
    }

    private int run(int rounds, Path repo, Path piecesCache) throws Exception {
        Figure setup = Measurement.measure(api, this::syncAll);
        System.out.printf("setup, not part of the cycle: first sync of %d environments (--no-wait): %.0f ms, %s, peak heap %.0f MB%n%n",
                ENVIRONMENTS, setup.millis(), Measurement.verbs(setup.requests()), setup.peakHeapMb());
        Map<String, Set<String>> none = Map.of();
        cycle(1, none);  // warm-up: JIT, connection pools, Git cache
        Map<String, List<Cycle>> results = new LinkedHashMap<>();
        results.put("no drift, sequential", rounds(rounds, 1, none));
        results.put("no drift, " + POOL + " threads", rounds(rounds, POOL, none));
        Map<String, Set<String>> expected = changeByHand();
        results.put("15 objects drifted, sequential", rounds(rounds, 1, expected));
        results.put("15 objects drifted, " + POOL + " threads", rounds(rounds, POOL, expected));
        print(rounds, results);
        new DriftPieces(api, repo, piecesCache).print(environments());
        System.out.printf("%nload average at the end: %.1f%n", Measurement.loadAverage());
        System.out.println(problems.isEmpty() ? "Checked: every report found exactly the objects changed by hand, and nothing else."
                : "WRONG REPORTS:\n  " + String.join("\n  ", problems));
        return problems.isEmpty() ? 0 : 1;
    }

    private void syncAll() {
        for (String env : environments()) {
            SyncResult result = gitOps.sync(SyncRequest.of(env).withWait(false).withTrigger("benchmark", "bench"));
            if (!result.succeeded() || result.created() != APPS * 4 + 1) {
                throw new IllegalStateException("setup sync of " + env + ": " + result.summary() + " " + result.message());
            }
        }
    }

    private List<Cycle> rounds(int rounds, int threads, Map<String, Set<String>> expected) throws Exception {
        List<Cycle> out = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            out.add(cycle(threads, expected));
        }
        return out;
    }

    /** One drift cycle over every environment; checks each report against the expected drifted objects. */
    private Cycle cycle(int threads, Map<String, Set<String>> expected) throws Exception {
        List<String> envs = environments();
        double[] millis = new double[envs.size()];
        List<Map<String, Long>> requests = new ArrayList<>();
        DriftReport[] reports = new DriftReport[envs.size()];
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuBefore = os.getProcessCpuTime();
        Figure figure;
        if (threads == 1) {
            figure = Measurement.measure(api, () -> {
                for (int i = 0; i < envs.size(); i++) {
                    Map<String, Long> before = api.requestCounts();
                    long started = System.nanoTime();
                    reports[i] = gitOps.drift(envs.get(i), false);
                    millis[i] = (System.nanoTime() - started) / 1e6;
                    requests.add(difference(api.requestCounts(), before));
                }
            });
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                figure = Measurement.measure(api, () -> {
                    List<Future<?>> futures = new ArrayList<>();
                    for (int i = 0; i < envs.size(); i++) {
                        int index = i;
                        futures.add(pool.submit(() -> {
                            long started = System.nanoTime();
                            reports[index] = gitOps.drift(envs.get(index), false);
                            millis[index] = (System.nanoTime() - started) / 1e6;
                        }));
                    }
                    for (Future<?> f : futures) {
                        try {
                            f.get();
                        } catch (Exception e) {
                            throw new IllegalStateException("drift failed: " + e.getMessage(), e);
                        }
                    }
                });
            } finally {
                pool.shutdown();
            }
        }
        double cpu = (os.getProcessCpuTime() - cpuBefore) / 1e6;
        for (DriftReport report : reports) {
            check(report, expected.getOrDefault(report.environment(), Set.of()));
        }
        return new Cycle(figure, cpu, millis, requests, List.of(reports));
    }

    private void check(DriftReport report, Set<String> expected) {
        Set<String> found = report.objects().stream().map(ObjectResult::id).collect(Collectors.toCollection(TreeSet::new));
        if (!found.equals(expected) || report.gitAhead() || report.lastSyncedRevision() == null || report.pinned()) {
            problems.add(report.environment() + ": expected drift " + expected + ", found " + found + " (" + report.message() + ")");
        }
    }

    /** Changes 3 objects in each of 5 environments directly in the API, as someone with kubectl would. */
    private Map<String, Set<String>> changeByHand() {
        Map<String, Set<String>> expected = new TreeMap<>();
        var client = api.client();
        for (int index : CHANGED_ENVIRONMENTS) {
            String ns = environment(index);
            client.apps().deployments().inNamespace(ns).withName("app-001").edit(d -> {
                d.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("registry.example.com/app-001:hotfix");
                return d;
            });
            client.configMaps().inNamespace(ns).withName("app-002-config").edit(c -> {
                c.getData().put("FEATURE_X", "off");
                return c;
            });
            client.secrets().inNamespace(ns).withName("app-003-secret").edit(s -> {
                Map<String, String> data = new HashMap<>(s.getData() == null ? Map.of() : s.getData());
                data.put("DB_PASSWORD", Base64.getEncoder().encodeToString("changed-by-hand".getBytes()));
                s.setData(data);
                s.setStringData(null);
                return s;
            });
            expected.put(ns, CHANGED_OBJECTS.stream().map(o -> String.format(o, ns)).collect(Collectors.toCollection(TreeSet::new)));
        }
        return expected;
    }

    private static void print(int rounds, Map<String, List<Cycle>> results) {
        System.out.printf("Median of %d rounds; per environment: median and p95 over the %d environments of the median round%n",
                rounds, ENVIRONMENTS);
        System.out.printf("| %-32s | %8s | %10s | %10s | %8s | %-40s | %9s |%n", "cycle", "wall ms", "env median",
                "env p95", "CPU ms", "API requests by verb (whole cycle)", "peak heap");
        System.out.printf("|%s|%s|%s|%s|%s|%s|%s|%n", "-".repeat(34), "-".repeat(10), "-".repeat(12), "-".repeat(12),
                "-".repeat(10), "-".repeat(42), "-".repeat(11));
        for (Map.Entry<String, List<Cycle>> e : results.entrySet()) {
            List<Cycle> cycles = new ArrayList<>(e.getValue());
            cycles.sort(java.util.Comparator.comparingDouble(c -> c.figure().millis()));
            Cycle middle = cycles.get(cycles.size() / 2);
            Map<String, Long> requests = middle.figure().requests();
            boolean same = cycles.stream().allMatch(c -> c.figure().requests().equals(requests));
            System.out.printf("| %-32s | %8.0f | %10.1f | %10.1f | %8.0f | %-40s | %6.0f MB |%n", e.getKey(),
                    middle.figure().millis(), Measurement.median(middle.environmentMillis()),
                    Measurement.p95(middle.environmentMillis()),
                    Measurement.median(cycles.stream().mapToDouble(Cycle::processCpuMillis).toArray()),
                    Measurement.verbs(requests) + (same ? "" : " (varies)"),
                    Measurement.median(cycles.stream().mapToDouble(c -> c.figure().peakHeapMb()).toArray()));
        }
        System.out.println("(CPU ms: CPU time of the whole process during the cycle, engine and in-process API server together)");
        for (Map.Entry<String, List<Cycle>> e : results.entrySet()) {
            List<Map<String, Long>> perEnvironment = e.getValue().get(0).environmentRequests();
            if (!perEnvironment.isEmpty()) {
                Set<String> distinct = perEnvironment.stream().map(Measurement::verbs).collect(Collectors.toCollection(TreeSet::new));
                System.out.printf("requests per environment, %s: %s%n", e.getKey(), String.join(" | ", distinct));
            }
        }
        System.out.println();
    }

    private static Map<String, Long> difference(Map<String, Long> after, Map<String, Long> before) {
        Map<String, Long> out = new TreeMap<>();
        after.forEach((verb, n) -> {
            long d = n - before.getOrDefault(verb, 0L);
            if (d != 0) {
                out.put(verb, d);
            }
        });
        return out;
    }

    static List<String> environments() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < ENVIRONMENTS; i++) {
            out.add(environment(i));
        }
        return out;
    }

    static String environment(int index) {
        return String.format("bench-%02d", index);
    }

    /** gitops.yaml with 50 environments, each with 5 files of 5 apps (20 objects), committed to a local Git repository. */
    static Path createRepository(Path folder) throws Exception {
        StringBuilder config = new StringBuilder("environments:\n");
        for (String env : environments()) {
            config.append("  ").append(env).append(":\n    path: environments/").append(env)
                    .append("\n    target: { kubernetes: { namespace: ").append(env).append(" } }\n    prune: true\n");
            Path dir = Files.createDirectories(folder.resolve("environments").resolve(env));
            for (int file = 0; file < 5; file++) {
                StringBuilder yaml = new StringBuilder();
                for (int i = file * 5; i < file * 5 + 5; i++) {
                    String name = String.format("app-%03d", i);
                    yaml.append(KubernetesObjects.deploymentAndService(name, "1.0.0")).append(KubernetesObjects.configMapAndSecret(name));
                }
                Files.writeString(dir.resolve("apps-" + file + ".yaml"), yaml);
            }
        }
        Files.writeString(folder.resolve(ProjectConfig.FILE_NAME), config);
        try (Git git = Git.init().setDirectory(folder.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage(ENVIRONMENTS + " environments x " + APPS * 4 + " objects")
                    .setAuthor("bench", "bench@example.test").setCommitter("bench", "bench@example.test").call();
        }
        return folder;
    }
}
