package io.jenkins.plugins.gitops.cli;

import io.jenkins.plugins.gitops.engine.GitOps;
import io.jenkins.plugins.gitops.engine.api.PreviewRequest;
import io.jenkins.plugins.gitops.engine.api.PreviewResult;
import io.jenkins.plugins.gitops.engine.api.SyncRequest;
import io.jenkins.plugins.gitops.engine.api.SyncResult;
import io.jenkins.plugins.gitops.engine.cluster.Target;
import io.jenkins.plugins.gitops.engine.cluster.TargetFactory;
import io.jenkins.plugins.gitops.engine.cluster.TargetSettings;
import io.jenkins.plugins.gitops.engine.cluster.Targets;
import io.jenkins.plugins.gitops.engine.model.DesiredState;
import io.jenkins.plugins.gitops.engine.model.Environment;
import io.jenkins.plugins.gitops.engine.model.Manifests;
import io.jenkins.plugins.gitops.engine.model.Resource;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The Swarm part of {@code gitops demo}: MediaNest's development stack from compose files, synced
 * to a real Docker swarm manager. Shows that a sync changes only what Git changed: a re-sync leaves
 * every service's version untouched, a new image updates exactly that service, and a service
 * removed from Git is pruned; then a pull request's preview stack is created next to it and deleted.
 * Removes the stack at the end.
 */
final class SwarmDemo {
    static final String ENVIRONMENT = "development";

    private final PrintWriter out;
    private final DemoRepository repo;
    private final GitOps gitOps;
    private final Target target;

    private SwarmDemo(PrintWriter out, DemoRepository repo, GitOps gitOps, Target target) {
        this.out = out;
        this.repo = repo;
        this.gitOps = gitOps;
        this.target = target;
    }

    /**
     * Runs the demo against the swarm manager at {@code dockerHost} (TLS certificates from
     * $DOCKER_CERT_PATH for tcp://...:2376). The daemon needs the image gitops-test/busybox:1 and :2
     * ({@code .ci/swarm-up.sh} imports them). Errors propagate after the stack was removed.
     */
    static void run(PrintWriter out, Path workDir, String dockerHost) {
        heading(out, "Docker Swarm: MediaNest (development, staging, production compose files)");
        say(out, """
                A real swarm manager at %s. The MediaNest images are not in any registry this demo can
                reach, so the services run the local image gitops-test/busybox with a long sleep instead."""
                .formatted(dockerHost));
        TargetFactory targets = Targets.factory(TargetSettings.DEFAULTS.withDockerHost(dockerHost,
                System.getenv("DOCKER_CERT_PATH")));
        try (DemoRepository repo = DemoRepository.create("swarm", workDir.resolve("medianest-gitops"));
                GitOps gitOps = GitOps.builder().repository(repo.location()).cacheDir(workDir.resolve("cache"))
                        .targets(targets).listener(message -> progress(out, message)).build()) {
            Environment development = gitOps.config(null).environment(ENVIRONMENT);
            try (Target target = targets.open(development)) {
                say(out, "Example repository at " + repo.folder() + "; environment '" + ENVIRONMENT + "' is stack '"
                        + development.target().stack() + "' on " + target.describe());
                SwarmDemo demo = new SwarmDemo(out, repo, gitOps, target);
                removeStack(target, development);
                try {
                    demo.steps();
                } finally {
                    step(out, "Clean up: removing the demo stack");
                    say(out, "removed " + removeStack(target, development) + " object(s)");
                }
            }
        }
    }

    private void steps() {
        step(out, "1. First sync of development: network and three services created, waited for until healthy");
        show(gitOps.sync(request()));

        step(out, "2. Sync again without changes: no service is written");
        Map<String, Long> before = versions();
        SyncResult again = gitOps.sync(request());
        show(again);
        printVersions(before, versions());

        step(out, "3. A developer releases app version 2 to development (environments/development/.env)");
        repo.write("environments/development/.env", repo.read("environments/development/.env")
                .replace("APP_VERSION=1", "APP_VERSION=2"));
        say(out, "committed " + repo.commit("development: release medianest-app 2"));

        step(out, "4. gitops diff development: only medianest-app's image differs");
        ResultPrinter.print(gitOps.diff(request()), OutputFormat.text, true, out);

        step(out, "5. gitops sync development: exactly one service updated");
        before = versions();
        show(gitOps.sync(request()));
        printVersions(before, versions());

        step(out, "6. debug-tools is removed from the compose file: the sync prunes it");
        String compose = repo.read("environments/development/docker-compose.yml");
        repo.write("environments/development/docker-compose.yml", compose.substring(0, compose.indexOf("  debug-tools:"))
                + compose.substring(compose.indexOf("networks:\n  dev-network:")));
        say(out, "committed " + repo.commit("development: drop debug-tools"));
        show(gitOps.sync(request()));

        step(out, "7. A pull request gets a preview: development copied into stack medianest-dev-pr-42 with app"
                + " version 1, its published ports assigned by the daemon (13000/14000 belong to development)");
        PreviewResult preview = gitOps.previewCreate(PreviewRequest.of(ENVIRONMENT, "42")
                .withVariables(Map.of("APP_VERSION", "1")).withTrigger("demo", "demo"));
        show(preview.sync());
        say(out, "preview " + preview.name() + " answers at " + preview.url() + "; gitops preview list:");
        gitOps.previews(ENVIRONMENT).forEach(p -> say(out, "    " + p.name() + "  revision "
                + p.revision().substring(0, 12) + "  health " + p.health() + "  " + p.url()));

        step(out, "8. The pull request is merged: its preview stack is deleted, development is untouched");
        PreviewResult deleted = gitOps.previewDelete(ENVIRONMENT, "42");
        say(out, "deleted " + deleted.sync().deleted() + " object(s) of " + deleted.name() + "; development still runs "
                + versions().size() + " service(s)");
    }

    private static SyncRequest request() {
        return SyncRequest.of(ENVIRONMENT).withTrigger("demo", "demo");
    }

    private void show(SyncResult result) {
        ResultPrinter.print(result, OutputFormat.text, false, out);
    }

    /** Version.Index of each managed service, read from the swarm. */
    private Map<String, Long> versions() {
        Map<String, Long> versions = new TreeMap<>();
        for (Resource r : target.live(new DesiredState(ENVIRONMENT, "", List.of(), List.of())).values()) {
            if (r.kind().equals("Service")) {
                Object index = Manifests.get(r.manifest(), "Version", "Index");
                versions.put(r.name(), index instanceof Number n ? n.longValue() : -1L);
            }
        }
        return versions;
    }

    private void printVersions(Map<String, Long> before, Map<String, Long> after) {
        out.println("Service version indexes (Version.Index, bumped by every update call):");
        before.forEach((name, version) -> {
            Long now = after.get(name);
            out.printf("  %-32s %6d -> %6d  %s%n", name, version, now == null ? -1 : now,
                    version.equals(now) ? "unchanged" : "UPDATED");
        });
        out.flush();
    }

    /**
     * Deletes every object the environment manages in the stack (and its history), services first, and waits until
     * none is listed any more: the daemon releases a network only after the services' tasks are gone,
     * so networks are deleted again until they disappear (at most a minute).
     */
    static int removeStack(Target target, Environment environment) {
        DesiredState nothing = new DesiredState(environment.name(), "", List.of(), List.of());
        Set<String> removed = new HashSet<>();
        for (int attempt = 1; ; attempt++) {
            List<Resource> live = target.live(nothing).values().stream()
                    .sorted(Comparator.comparingInt((Resource r) -> target.applyRank(r.key())).reversed()).toList();
            if (live.isEmpty()) {
                target.removeHistory(); // the stack's history configs: the demo leaves nothing on the swarm
                return removed.size();
            }
            for (Resource r : live) {
                try {
                    target.delete(r);
                    removed.add(r.key().toString());
                } catch (RuntimeException e) {
                    if (attempt >= 60) {
                        throw e;
                    }
                }
            }
            sleep(1000);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while removing the demo stack", e);
        }
    }

    private static void heading(PrintWriter out, String text) {
        out.println();
        out.println("=== " + text + " ===");
    }

    private static void step(PrintWriter out, String text) {
        out.println();
        out.println("--- " + text);
        out.flush();
    }

    private static void say(PrintWriter out, String text) {
        out.println(text);
        out.flush();
    }

    private static void progress(PrintWriter out, String message) {
        out.println("    | " + message);
        out.flush();
    }
}
