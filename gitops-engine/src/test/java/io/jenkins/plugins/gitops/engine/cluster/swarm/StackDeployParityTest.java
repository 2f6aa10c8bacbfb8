package io.jenkins.plugins.gitops.engine.cluster.swarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.gitops.engine.model.DesiredState;
import io.jenkins.plugins.gitops.engine.model.Environment;
import io.jenkins.plugins.gitops.engine.model.TargetSpec;
import io.jenkins.plugins.gitops.engine.render.FormatRenderer.Rendering;
import io.jenkins.plugins.gitops.engine.render.compose.ComposeRenderer;
import io.jenkins.plugins.gitops.engine.source.DirectoryTree;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each folder of src/test/resources/compose-parity is deployed twice on the test swarm: by the real
 * {@code docker stack deploy} (Debian's docker CLI, {@code --resolve-image never}, the variable
 * GITOPS_PARITY_SET=set-value in its environment) and by the engine (same variable). The service
 * specs the daemon then holds must be equal, after the differences that are by design are taken out:
 * the stack name, the engine's own labels, object IDs, the content hash in config and secret names
 * (docs/swarm.md), and fields that are empty or absent on one side (docker's client sends empty
 * structs the daemon keeps as {}). A second sync of the engine's stack must then write nothing, and
 * every peer warning listed in the folder's expected-warnings.txt must have an engine warning.
 */
@Timeout(300)
class StackDeployParityTest {
    private static final String HOST = System.getenv("GITOPS_TEST_DOCKER_HOST");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VARIABLE = "GITOPS_PARITY_SET";
    private static final String VALUE = "set-value";
    private static final String OUTSIDE = "parity-outside";
    /** Every subnet written in a fixture (ipam config). */
    private static final java.util.Set<String> DECLARED_SUBNETS = declaredSubnets();

    private static java.util.Set<String> declaredSubnets() {
        java.util.Set<String> subnets = new java.util.HashSet<>();
        java.util.regex.Pattern cidr = java.util.regex.Pattern.compile("\\b\\d+\\.\\d+\\.\\d+\\.\\d+/\\d+\\b");
        try (Stream<Path> files = Files.walk(resource("/compose-parity"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                cidr.matcher(Files.readString(file)).results().forEach(m -> subnets.add(m.group()));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return subnets;
    }

    static Stream<String> cases() throws IOException {
        try (Stream<Path> dirs = Files.list(resource("/compose-parity"))) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theEngineDeploysWhatDockerStackDeployDeploysAndASecondSyncWritesNothing(String name) throws Exception {
        assumeTrue(HOST != null, "GITOPS_TEST_DOCKER_HOST is not set: no Docker swarm manager to test against;"
                + " run `eval \"$(.ci/swarm-up.sh)\"` first (CI always does)");
        Path folder = resource("/compose-parity/" + name);
        String suffix = Long.toString(System.nanoTime() % 1_000_000, 36);
        // both stack names sort after the fixtures' fixed names (parity-...), so that lists docker sorts by
        // name (networks, configs, secrets) come out in the same order on both sides
        String peer = "zpeer-" + name + "-" + suffix;
        String ours = "zours-" + name + "-" + suffix;
        if (!docker(null, "network", "ls", "--format", "{{.Name}}").lines().toList().contains(OUTSIDE)) {
            docker(null, "network", "create", "--driver", "overlay", OUTSIDE);
        }

        String peerOutput = docker(folder, "stack", "deploy", "--resolve-image", "never", "-c", "docker-compose.yml", peer);
        Map<String, Object> peerServices = services(peer);
        Map<String, Object> peerNetworks = networks(peer);
        removeStack(peer);

        Environment env = Environment.of("parity-" + name, "compose-parity/" + name, TargetSpec.swarm(ours));
        SwarmTarget target = SwarmTarget.connect(env, SwarmConnection.plain(HOST));
        try {
            DirectoryTree tree = new DirectoryTree(resource("/"));
            Rendering rendering = new ComposeRenderer().render(tree, "compose-parity/" + name, env, Map.of(VARIABLE, VALUE));
            DesiredState desired = new DesiredState(env.name(), "r1", rendering.resources(), rendering.warnings());
            TestSync.sync(target, desired, true);

            assertThat(services(ours)).as("service specs of %s (engine) against %s (docker stack deploy)", ours, peer)
                    .isEqualTo(peerServices);
            assertThat(networks(ours)).as("networks").isEqualTo(peerNetworks);
            for (String warning : lines(folder.resolve("expected-warnings.txt"))) {
                assertThat(peerOutput).as("docker stack deploy warns: " + warning).contains(warning.split("\\|")[0].strip());
                assertThat(String.join("\n", target.prepare(desired).warnings())).as("engine warnings")
                        .contains(warning.split("\\|")[1].strip());
            }

            TestSync.Result again = TestSync.sync(target, rerender(tree, env, name), true);
            assertThat(again.created()).as("created by a no-op re-sync").isEmpty();
            assertThat(again.updated()).as("updated by a no-op re-sync").isEmpty();
            assertThat(again.deleted()).as("deleted by a no-op re-sync").isEmpty();
        } finally {
            target.close();
            removeStack(ours);
        }
    }

    private static DesiredState rerender(DirectoryTree tree, Environment env, String name) {
        Rendering r = new ComposeRenderer().render(tree, "compose-parity/" + name, env, Map.of(VARIABLE, VALUE));
        return new DesiredState(env.name(), "r2", r.resources(), r.warnings());
    }

    /** Service specs by service name without the stack, normalised as the class comment says. */
    private static Map<String, Object> services(String stack) throws Exception {
        Map<String, String> networkNames = new TreeMap<>();
        for (String line : docker(null, "network", "ls", "--no-trunc", "--format", "{{.ID}} {{.Name}}").split("\n")) {
            String[] p = line.strip().split(" ");
            if (p.length == 2) {
                networkNames.put(p[0], p[1]);
            }
        }
        Map<String, Object> out = new TreeMap<>();
        for (Object s : inspect("service", stack)) {
            Map<String, Object> spec = map(map(s).get("Spec"));
            Map<String, Object> labels = map(spec.get("Labels"));
            labels.remove("app.kubernetes.io/managed-by");
            labels.remove("gitops.jenkins.io/environment");
            labels.remove("gitops.jenkins.io/owner");
            labels.remove("gitops.jenkins.io/tracking-id");
            Map<String, Object> container = map(map(spec.get("TaskTemplate")).get("ContainerSpec"));
            for (Object ref : list(container.get("Configs"))) {
                map(ref).remove("ConfigID");
                map(ref).computeIfPresent("ConfigName", (k, n) -> withoutHash(String.valueOf(n)));
            }
            for (Object ref : list(container.get("Secrets"))) {
                map(ref).remove("SecretID");
                map(ref).computeIfPresent("SecretName", (k, n) -> withoutHash(String.valueOf(n)));
            }
            for (Object n : list(map(spec.get("TaskTemplate")).get("Networks"))) {
                map(n).computeIfPresent("Target", (k, id) -> networkNames.getOrDefault(String.valueOf(id), String.valueOf(id)));
            }
            String name = String.valueOf(spec.get("Name")).substring(stack.length() + 1);
            out.put(name, normalise(JSON.readValue(JSON.writeValueAsString(spec).replace(stack, "STACK"), Object.class)));
        }
        return out;
    }

    private static Map<String, Object> networks(String stack) throws Exception {
        Map<String, Object> out = new TreeMap<>();
        for (Object n : inspect("network", stack)) {
            Map<String, Object> net = map(n);
            Map<String, Object> kept = new LinkedHashMap<>();
            for (String key : List.of("Driver", "Internal", "Attachable", "Labels")) {
                kept.put(key, net.get(key));
            }
            map(kept.get("Labels")).remove("app.kubernetes.io/managed-by");
            map(kept.get("Labels")).remove("gitops.jenkins.io/environment");
            map(kept.get("Labels")).remove("gitops.jenkins.io/owner");
            map(kept.get("Labels")).remove("gitops.jenkins.io/tracking-id");
            List<Object> subnets = new ArrayList<>();
            // subnets the swarm allocates itself (its default pool, 10.0.0.0/8 in /24s, moving on as a daemon
            // lives) differ from run to run: only those a fixture declares are compared
            list(map(net.get("IPAM")).get("Config")).stream().map(c -> String.valueOf(map(c).get("Subnet")))
                    .filter(DECLARED_SUBNETS::contains).forEach(subnets::add);
            kept.put("Subnets", subnets);
            kept.put("IpamDriver", map(net.get("IPAM")).get("Driver"));
            String name = String.valueOf(net.get("Name")).replace(stack, "STACK");
            out.put(name, normalise(JSON.readValue(JSON.writeValueAsString(kept).replace(stack, "STACK"), Object.class)));
        }
        return out;
    }

    private static List<Object> inspect(String kind, String stack) throws Exception {
        String ids = docker(null, kind, "ls", "-q", "--filter", "label=com.docker.stack.namespace=" + stack);
        List<String> args = new ArrayList<>(List.of(kind, "inspect"));
        ids.lines().filter(l -> !l.isBlank()).forEach(args::add);
        if (args.size() == 2) {
            return List.of();
        }
        return JSON.readValue(docker(null, args.toArray(String[]::new)), List.class);
    }

    /** Drops nulls, empty maps and lists, recursively: one side's {} is the other side's absent field. */
    private static Object normalise(Object value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new TreeMap<>();
            m.forEach((k, v) -> {
                Object n = normalise(v);
                if (n != null) {
                    out.put(String.valueOf(k), n);
                }
            });
            return out.isEmpty() ? null : out;
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(v -> out.add(normalise(v)));
            return out.isEmpty() ? null : out;
        }
        return value;
    }

    /** The engine's config and secret names carry an 8-digit content hash where docker's have none. */
    private static String withoutHash(String name) {
        return name.replaceAll("-[0-9a-f]{8}$", "");
    }

    private static void removeStack(String stack) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            String label = "label=com.docker.stack.namespace=" + stack;
            if (docker(null, "network", "ls", "-q", "--filter", label).isBlank()
                    && docker(null, "config", "ls", "-q", "--filter", label).isBlank()
                    && docker(null, "secret", "ls", "-q", "--filter", label).isBlank()) {
                return;
            }
            try {
                docker(null, "stack", "rm", stack);
            } catch (IOException e) {
                // a network already going away: look again
            }
            Thread.sleep(500);
        }
    }

    /** Debian's docker CLI (the peer), in {@code dir}, with the parity variable set; stdout and stderr. */
    static String docker(Path dir, String... args) throws IOException, InterruptedException {
        return docker(dir, Map.of(), args);
    }

    /** The same with more variables in docker's environment (what compose files interpolate). */
    static String docker(Path dir, Map<String, String> variables, String... args) throws IOException, InterruptedException {
        String docker = Files.isExecutable(Path.of("/usr/bin/docker")) ? "/usr/bin/docker" : "docker";
        List<String> command = new ArrayList<>(List.of(docker));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        if (dir != null) {
            pb.directory(dir.toFile());
        }
        pb.environment().put("DOCKER_HOST", HOST);
        pb.environment().put(VARIABLE, VALUE);
        pb.environment().remove("GITOPS_PARITY_UNSET");
        pb.environment().putAll(variables);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException("docker " + String.join(" ", args) + " failed: " + out);
        }
        return out;
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.exists(file) ? Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList() : List.of();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o instanceof Map ? (Map<String, Object>) o : new LinkedHashMap<>();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        return o instanceof List ? (List<Object>) o : List.of();
    }

    private static Path resource(String name) {
        try {
            return Path.of(StackDeployParityTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
