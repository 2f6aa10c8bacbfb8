package io.jenkins.plugins.gitops.engine.cluster.swarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jenkins.plugins.gitops.engine.model.DesiredState;
import io.jenkins.plugins.gitops.engine.model.Environment;
import io.jenkins.plugins.gitops.engine.model.Manifests;
import io.jenkins.plugins.gitops.engine.model.ResourceKey;
import io.jenkins.plugins.gitops.engine.model.TargetSpec;
import io.jenkins.plugins.gitops.engine.render.FormatRenderer.Rendering;
import io.jenkins.plugins.gitops.engine.render.compose.ComposeRenderer;
import io.jenkins.plugins.gitops.engine.source.DirectoryTree;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Images are pinned to their registry digest as {@code docker stack deploy} pins them by default, on
 * the test swarm with the loopback registry of .ci/swarm-up.sh; the expected image reference is the
 * one docker stack deploy itself writes for the same file.
 */
@Timeout(240)
class ImagePinningTest {
    private static final String HOST = System.getenv("GITOPS_TEST_DOCKER_HOST");
    private static final String REGISTRY = System.getenv("GITOPS_TEST_REGISTRY");

    @Test
    void imagesArePinnedLikeDockerStackDeployAndATagThatMovedIsAChange() throws Exception {
        assumeTrue(HOST != null && REGISTRY != null, "GITOPS_TEST_DOCKER_HOST and GITOPS_TEST_REGISTRY are not set;"
                + " run `eval \"$(.ci/swarm-up.sh)\"` first (CI always does)");
        String suffix = Long.toString(System.nanoTime() % 1_000_000, 36);
        String tag = "moving-" + suffix;
        String repository = REGISTRY + "/gitops-test/busybox";
        push("gitops-test/busybox:1", repository + ":" + tag);
        Map<String, String> variables = Map.of("REGISTRY", REGISTRY, "TAG", tag);
        String peer = "zpeer-pin-" + suffix;
        String ours = "zours-pin-" + suffix;

        Path folder = resource("/swarm/pinned");
        StackDeployParityTest.docker(folder, variables, "stack", "deploy", "-c", "docker-compose.yml", peer);
        // docker prints the daemon's warnings on updates only: deploy again to see it (once the daemon has
        // finished allocating the new services, which bumps their version: "update out of sequence")
        String peerOutput = null;
        for (int attempt = 0; peerOutput == null; attempt++) {
            try {
                peerOutput = StackDeployParityTest.docker(folder, variables, "stack", "deploy", "-c",
                        "docker-compose.yml", peer);
            } catch (java.io.IOException e) {
                if (attempt >= 10 || !e.getMessage().contains("update out of sequence")) {
                    throw e;
                }
                Thread.sleep(1000);
            }
        }
        String peerImage = image(peer + "_pinned");
        assertThat(peerImage).startsWith(repository + ":" + tag + "@sha256:");
        assertThat(image(peer + "_unreachable")).isEqualTo("127.0.0.1:9/gitops-test/busybox:1");
        assertThat(peerOutput).contains("image 127.0.0.1:9/gitops-test/busybox:1 could not be accessed on a registry");

        Environment env = Environment.of("pin", "swarm/pinned", TargetSpec.swarm(ours));
        try (SwarmTarget target = SwarmTarget.connect(env, SwarmConnection.plain(HOST))) {
            DesiredState desired = render(env, variables);
            DesiredState prepared = target.prepare(desired);
            assertThat(prepared.warnings()).contains("image 127.0.0.1:9/gitops-test/busybox:1 could not be accessed on"
                    + " a registry to record its digest. Each node will access 127.0.0.1:9/gitops-test/busybox:1"
                    + " independently, possibly leading to different nodes running different versions of the image.");
            TestSync.sync(target, desired, true);
            assertThat(image(ours + "_pinned")).isEqualTo(peerImage);
            assertThat(image(ours + "_unreachable")).isEqualTo("127.0.0.1:9/gitops-test/busybox:1");
            assertThat(Manifests.string(target.get(new ResourceKey("swarm", "Service", "", ours + "_pinned"))
                    .orElseThrow().manifest(), "Spec", "Labels", "com.docker.stack.image"))
                    .as("the label keeps the image as written, as docker's").isEqualTo(repository + ":" + tag);

            TestSync.Result same = TestSync.sync(target, render(env, variables), true);
            assertThat(same.updated()).as("same digest: nothing to do").isEmpty();

            push("gitops-test/busybox:2", repository + ":" + tag);
            TestSync.Result moved = TestSync.sync(target, render(env, variables), true);
            assertThat(moved.updated()).as("the tag moved to a new digest").containsExactly(ours + "_pinned");
            assertThat(image(ours + "_pinned")).startsWith(repository + ":" + tag + "@sha256:").isNotEqualTo(peerImage);
        } finally {
            StackDeployParityTest.docker(null, "stack", "rm", peer);
            StackDeployParityTest.docker(null, "stack", "rm", ours);
        }
    }

    private static DesiredState render(Environment env, Map<String, String> variables) {
        Rendering r = new ComposeRenderer().render(new DirectoryTree(resource("/")), "swarm/pinned", env, variables);
        return new DesiredState(env.name(), "r", r.resources(), r.warnings());
    }

    private static String image(String service) throws Exception {
        return StackDeployParityTest.docker(null, "service", "inspect", "--format",
                "{{.Spec.TaskTemplate.ContainerSpec.Image}}", service).strip();
    }

    private static void push(String local, String remote) throws Exception {
        StackDeployParityTest.docker(null, "tag", local, remote);
        StackDeployParityTest.docker(null, "push", remote);
    }

    private static Path resource(String name) {
        try {
            return Path.of(ImagePinningTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
