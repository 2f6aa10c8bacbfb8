package io.jenkins.plugins.gitops.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The engine against {@code docker stack deploy} on the same swarm and the same N-service compose
 * file (issue 3): first deploy, a no-op redeploy and a redeploy with one service's image changed.
 * For each tool and step it measures wall time and counts the services whose Version.Index moved;
 * every step is repeated and the median reported. Each tool deploys its own stack, removed at the end.
 *
 * <pre>
 * bench/swarm.sh [--docker-host unix:///run/gitops-ci/docker.sock] [--runs 3] [--services 20]
 *                [--docker /usr/bin/docker] [--jar gitops-cli/target/gitops.jar] [--work DIR]
 *                [--registry 127.0.0.1:5055 | none]   (default: $GITOPS_TEST_REGISTRY)
 * </pre>
 */
public final class SwarmBenchmark {
    /** The service whose image the one-change step moves to :2. */
    static final int CHANGED_SERVICE = 7;

    private final Options options;
    private final PrintStream out;
    private final Results results = new Results();

    SwarmBenchmark(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) throws IOException {
        Options options = Options.parse(args);
        new SwarmBenchmark(options, System.out).run();
    }

    void run() throws IOException {
        DockerCli docker = new DockerCli(options.docker, options.dockerHost);
        Path work = options.work != null ? options.work : Files.createTempDirectory("gitops-swarm-bench");
        List<Deployer> deployers = new ArrayList<>();
        deployers.add(new Deployer.StackDeploy(docker, null));
        deployers.add(new Deployer.StackDeploy(docker, "never"));
        deployers.add(new Deployer.InProcess(options.dockerHost, work.resolve("cache-in-process")));
        if (Files.isRegularFile(options.jar)) {
            deployers.add(new Deployer.JavaJar(options.jar.toAbsolutePath(), options.dockerHost, work.resolve("cache-jar")));
        } else {
            out.println("note: " + options.jar + " not found (build it with `mvn -o -q -pl gitops-cli -am package"
                    + " -DskipTests`); measuring without the java -jar column");
        }
        out.println("Swarm benchmark: " + options.services + " services of " + options.image() + ", " + options.runs
                + " runs, daemon "
                + options.dockerHost + ", " + docker.run("version", "--format",
                        "client {{.Client.Version}}, server {{.Server.Version}}").strip() + ", work " + work);
        for (int run = 1; run <= options.runs; run++) {
            for (int i = 0; i < deployers.size(); i++) {
                String stack = "bench" + (char) ('a' + i) + run;
                measure(deployers.get(i), docker, work.resolve("repo-" + stack), stack);
            }
        }
        results.print(out, deployers);
    }

    private void measure(Deployer deployer, DockerCli docker, Path folder, String stack) {
        docker.removeStack(stack);
        try (BenchRepository repository = BenchRepository.create(folder, stack, options.services, options.image())) {
            long elapsed = timed(() -> deployer.deploy(repository, stack));
            docker.waitSettled(stack, options.services, Duration.ofMinutes(3));
            int created = docker.versions(stack).size();
            record(deployer, Step.FIRST, stack, elapsed, created);

            Map<String, Long> before = docker.versions(stack);
            elapsed = timed(() -> deployer.deploy(repository, stack));
            record(deployer, Step.NO_OP, stack, elapsed, changed(before, docker.versions(stack)));
            docker.waitSettled(stack, options.services, Duration.ofMinutes(3));

            repository.changeImage(CHANGED_SERVICE);
            before = docker.versions(stack);
            elapsed = timed(() -> deployer.deploy(repository, stack));
            record(deployer, Step.ONE_CHANGE, stack, elapsed, changed(before, docker.versions(stack)));
        } finally {
            docker.removeStack(stack);
        }
    }

    private void record(Deployer deployer, Step step, String stack, long millis, int services) {
        out.printf("  %-20s %-22s %-8s %6d ms  %2d service(s)%n", deployer.name(), step.label, stack, millis, services);
        results.add(deployer.name(), step, millis, services);
    }

    private static long timed(Runnable action) {
        long start = System.nanoTime();
        action.run();
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }

    static int changed(Map<String, Long> before, Map<String, Long> after) {
        int changed = 0;
        for (Map.Entry<String, Long> e : after.entrySet()) {
            if (!e.getValue().equals(before.get(e.getKey()))) {
                changed++;
            }
        }
        return changed;
    }

    enum Step {
        FIRST("first deploy"), NO_OP("no-op redeploy"), ONE_CHANGE("one image changed");

        final String label;

        Step(String label) {
            this.label = label;
        }
    }

    /** Command-line options of the benchmark. */
    static final class Options {
        String dockerHost = firstNonBlank(System.getenv("GITOPS_TEST_DOCKER_HOST"), System.getenv("DOCKER_HOST"),
                "unix:///var/run/docker.sock");
        int runs = 3;
        int services = 20;
        String docker = Files.isExecutable(Path.of("/usr/bin/docker")) ? "/usr/bin/docker" : "docker";
        Path jar = Path.of("gitops-cli/target/gitops.jar");
        Path work;
        /** host:port of a registry holding gitops-test/busybox:1 and :2 (.ci/swarm-up.sh starts one), or "none". */
        String registry = firstNonBlank(System.getenv("GITOPS_TEST_REGISTRY"), "none", "none");

        String image() {
            return registry.equals("none") ? "gitops-test/busybox" : registry + "/gitops-test/busybox";
        }

        static Options parse(String[] args) {
            Options o = new Options();
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < args.length; i++) {
                if (!args[i].startsWith("--") || i + 1 >= args.length) {
                    throw new IllegalArgumentException("usage: SwarmBenchmark [--docker-host H] [--runs N] [--services N]"
                            + " [--docker PATH] [--jar PATH] [--work DIR]; got '" + args[i] + "'");
                }
                values.put(args[i], args[++i]);
            }
            values.forEach((k, v) -> {
                switch (k) {
                    case "--docker-host" -> o.dockerHost = v;
                    case "--runs" -> o.runs = Integer.parseInt(v);
                    case "--services" -> o.services = Integer.parseInt(v);
                    case "--docker" -> o.docker = v;
                    case "--jar" -> o.jar = Path.of(v);
                    case "--work" -> o.work = Path.of(v);
                    case "--registry" -> o.registry = v;
                    default -> throw new IllegalArgumentException("unknown option " + k);
                }
            });
            return o;
        }

        private static String firstNonBlank(String... values) {
            for (String v : values) {
                if (v != null && !v.isBlank()) {
                    return v;
                }
            }
            return null;
        }
    }
}
