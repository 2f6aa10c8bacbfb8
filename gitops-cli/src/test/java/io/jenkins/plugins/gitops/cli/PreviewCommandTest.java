package io.jenkins.plugins.gitops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.gitops.testkit.InProcessKubernetes;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code gitops preview} as a user runs it, on the demo repository and the in-process API. */
@Timeout(180)
class PreviewCommandTest {
    @TempDir
    Path temp;

    private InProcessKubernetes api;
    private DemoRepository repo;
    private Path kubeconfig;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void start() throws Exception {
        api = InProcessKubernetes.start();
        api.startControllerStandIn();
        repo = DemoRepository.create("kubernetes", temp.resolve("repo"));
        String template;
        try (var in = getClass().getResourceAsStream("/cli/kubeconfig-template.yaml")) {
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        kubeconfig = Files.writeString(temp.resolve("kubeconfig"), template.formatted(api.url()));
    }

    @AfterEach
    void stop() {
        repo.close();
        api.close();
    }

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CommandLine cli = GitOpsCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 4];
        all[0] = "preview";
        all[1] = "--repo=" + repo.location();
        all[2] = "--cache-dir=" + temp.resolve("cache");
        all[3] = "--kubeconfig=" + kubeconfig;
        System.arraycopy(args, 0, all, 4, args.length);
        return cli.execute(all);
    }

    @Test
    void createListDeleteAPreview() throws Exception {
        assertThat(run("create", "development", "--id", "42", "--set", "IMAGE_TAG=pr-42-abc123")).as(err.toString())
                .isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("preview development-pr-42: http://pr-42.docs.example.test/");
        assertThat(api.client().apps().deployments().inNamespace("development-pr-42").withName("docs-platform").get()
                .getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                .isEqualTo("intelgraph/docs-platform:pr-42-abc123");

        assertThat(run("list", "--output", "json")).as(err.toString()).isEqualTo(ExitCodes.OK);
        JsonNode list = new ObjectMapper().readTree(out.toString());
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("name").asText()).isEqualTo("development-pr-42");
        assertThat(list.get(0).get("url").asText()).isEqualTo("http://pr-42.docs.example.test/");
        assertThat(run("list", "development")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("development", "42", "development-pr-42", "Healthy", "http://pr-42.docs.example.test/");

        assertThat(run("prune", "development", "--older-than", "3d")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("no idle previews");
        assertThat(run("delete", "development", "--id", "42")).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("preview development-pr-42 deleted");
        assertThat(api.client().namespaces().withName("development-pr-42").get()).isNull();
        assertThat(run("list")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("no previews");
    }

    @Test
    void missingIdUnknownVariableAndEnvironmentWithoutPreviewExitTwo() {
        assertThat(run("create", "development")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("--id");
        assertThat(run("create", "development", "--id", "42", "--set", "REPLICAS=9")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("'REPLICAS' may not be overridden; allowed: IMAGE_TAG");
        assertThat(run("create", "staging", "--id", "42")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("'staging' has no preview: section");
        assertThat(run("prune", "development", "--older-than", "soon")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(api.client().namespaces().withName("development-pr-42").get()).isNull();
    }
}
