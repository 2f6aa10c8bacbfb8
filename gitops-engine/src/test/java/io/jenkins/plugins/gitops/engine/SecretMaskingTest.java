package io.jenkins.plugins.gitops.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.jenkins.plugins.gitops.engine.api.ObjectResult;
import io.jenkins.plugins.gitops.engine.api.SyncRequest;
import io.jenkins.plugins.gitops.engine.api.SyncResult;
import io.jenkins.plugins.gitops.testkit.InProcessKubernetes;
import io.jenkins.plugins.gitops.engine.cluster.kubernetes.KubernetesTarget;
import io.jenkins.plugins.gitops.engine.cluster.swarm.SwarmConnection;
import io.jenkins.plugins.gitops.engine.cluster.swarm.SwarmTarget;
import io.jenkins.plugins.gitops.engine.diff.Redaction;
import io.jenkins.plugins.gitops.engine.model.Masking;
import io.jenkins.plugins.gitops.engine.source.GitCredentials;
import io.jenkins.plugins.gitops.engine.testing.DockerCli;
import io.jenkins.plugins.gitops.engine.testing.WorkRepository;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one place where secret masking is tested: the mechanism ({@link Masking}) and every output of
 * the facade — diffs as text and as JSON, progress logs, error messages, deployment history, drift
 * reports and metrics — for values of secret-looking variables, of credentials, of environment
 * entries with secret-looking names (compose and containers) and of Secret data, desired and live.
 */
@Timeout(300)
class SecretMaskingTest {
    private static final String KEY_LINE = "MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gunVTLw7o";
    private static final String PEM = "-----BEGIN RSA PRIVATE KEY-----\n" + KEY_LINE + "\n-----END RSA PRIVATE KEY-----\n";
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @TempDir
    Path temp;
    private final List<String> log = new ArrayList<>();

    // ---- the mechanism

    @Test
    void masksEveryKnownValueLongestFirstAndTheLongLinesOfKeys() {
        Masking masking = new Masking(Arrays.asList("s3cr3t-pass", null, "", "ab", PEM));

        assertThat(masking.mask("push to https://bob:s3cr3t-pass@git.example failed: s3cr3t-pass rejected"))
                .isEqualTo("push to https://bob:****@git.example failed: **** rejected");
        assertThat(masking.mask("cannot parse key: " + KEY_LINE)).isEqualTo("cannot parse key: ****");
        assertThat(masking.mask("-----BEGIN RSA PRIVATE KEY-----")).as("short lines of a key stay readable")
                .isEqualTo("-----BEGIN RSA PRIVATE KEY-----");
        assertThat(masking.mask("table")).as("values under 4 characters are not masked").isEqualTo("table");
        List<String> sink = new ArrayList<>();
        masking.wrap(sink::add).accept("using s3cr3t-pass");
        assertThat(sink).containsExactly("using ****");
        assertThat(new Masking(List.of("ab")).isEmpty()).isTrue();
    }

    @Test
    void secretLookingNamesAndTheirValues() {
        assertThat(List.of("SMTP_PASSWORD", "db-passwd", "API_TOKEN", "aws_secret_access_key", "PRIVATE_KEY",
                "stripe-apikey", "GIT_CREDENTIALS", "SSH_PASSPHRASE")).allMatch(Masking::isSecretName);
        assertThat(List.of("SMTP_HOST", "LOG_LEVEL", "REPLICAS", "KEYCLOAK_URL")).noneMatch(Masking::isSecretName);
        Masking masking = new Masking().addSecretVariables(Map.of("SMTP_PASSWORD", "Mail-Pa55-1", "SMTP_HOST",
                "smtp.example.test"));
        assertThat(masking.mask("smtp.example.test Mail-Pa55-1")).isEqualTo("smtp.example.test ****");
    }

    @Test
    void diffRedactionShowsThatASecretEnvironmentValueChangedButNeverTheValue() {
        Object[] entry = Redaction.redactPair("/Spec/TaskTemplate/ContainerSpec/Env/1", "SMTP_PASSWORD=new-1",
                "SMTP_PASSWORD=old-1");
        assertThat(entry).containsExactly("SMTP_PASSWORD=<redacted>", "SMTP_PASSWORD=<redacted, differs>");
        Object[] list = Redaction.redactPair("/spec/containers/0/env",
                List.of(Map.of("name", "DB_PASSWORD", "value", "new-1"), Map.of("name", "LOG_LEVEL", "value", "info")),
                List.of(Map.of("name", "LOG_LEVEL", "value", "info"), Map.of("name", "DB_PASSWORD", "value", "old-1")));
        assertThat(list[0]).isEqualTo(List.of(Map.of("name", "DB_PASSWORD", "value", "<redacted>"),
                Map.of("name", "LOG_LEVEL", "value", "info")));
        assertThat(list[1]).isEqualTo(List.of(Map.of("name", "LOG_LEVEL", "value", "info"),
                Map.of("name", "DB_PASSWORD", "value", "<redacted, differs>")));
    }

    // ---- every output of the facade, Kubernetes (in-process API)

    @Test
    void kubernetesPasswordsInContainerEnvironmentsAndSecretsAppearInNoOutput() throws Exception {
        List<String> secrets = List.of("Old-DbPa55-1", "New-DbPa55-2", "Hand-DbPa55-3", "Tok-Old-7f3a9", "Tok-New-8b4c0",
                "Git-T0ken-5566");
        try (InProcessKubernetes api = InProcessKubernetes.start();
                WorkRepository repo = new WorkRepository(temp.resolve("repo"), "secrets/kubernetes");
                GitOps gitOps = GitOps.builder().repository(repo.remote()).cacheDir(temp.resolve("cache"))
                        .credentials(GitCredentials.token("Git-T0ken-5566".toCharArray()))
                        .targets(env -> new KubernetesTarget(api.newClient(), env)).listener(log::add).build()) {
            api.startControllerStandIn();
            List<Object> outputs = new ArrayList<>();
            outputs.add(gitOps.sync(SyncRequest.of("shop")));
            repo.write("environments/shop/app.yaml", repo.read("environments/shop/app.yaml")
                    .replace("Old-DbPa55-1", "New-DbPa55-2").replace("Tok-Old-7f3a9", "Tok-New-8b4c0"));
            repo.commit("rotate passwords");

            SyncResult diff = gitOps.diff(SyncRequest.of("shop"));
            ObjectResult shop = diff.objects().stream().filter(o -> o.kind().equals("Deployment")).findFirst().orElseThrow();
            assertThat(shop.action()).isEqualTo("update");
            assertThat(shop.diff()).contains("value: <redacted, differs>", "value: <redacted>",
                    "--db-url=postgres://shop:****@db:5432/shop");
            assertThat(shop.changes()).extracting(c -> c.pointer() + " " + c.live() + " -> " + c.desired())
                    .containsExactly("/spec/template/spec/containers/0/args/0 --db-url=postgres://shop:****@db:5432/shop"
                            + " -> --db-url=postgres://shop:****@db:5432/shop",
                            "/spec/template/spec/containers/0/env/1/value <redacted, differs> -> <redacted>");
            outputs.add(diff);
            outputs.add(gitOps.sync(SyncRequest.of("shop")));
            // a person puts another password into the live object by hand: drift shows it changed, not what to
            api.client().apps().deployments().inNamespace("shop").withName("shop").edit(d -> {
                d.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().get(1).setValue("Hand-DbPa55-3");
                return d;
            });
            var drift = gitOps.drift("shop", false);
            assertThat(drift.driftedObjects()).isEqualTo(1);
            outputs.add(drift);
            outputs.add(gitOps.history("shop"));
            outputs.add(gitOps.status("shop"));

            String everything = everything(outputs, gitOps) + api.client().configMaps().inNamespace("shop")
                    .withName("gitops-history-shop").get().getData();
            assertThat(everything).contains("<redacted").doesNotContain(secrets);
        }
    }

    // ---- every output of the facade, Swarm (a real swarm manager, see .ci/swarm-up.sh)

    @Test
    void aComposePasswordFromAVariableAppearsInNoOutput() throws Exception {
        String host = System.getenv("GITOPS_TEST_DOCKER_HOST");
        assumeTrue(host != null, "GITOPS_TEST_DOCKER_HOST is not set: run `eval \"$(.ci/swarm-up.sh)\"` first");
        String stack = "mask-" + Long.toString(System.nanoTime() % 100_000_000L, 36);
        List<String> secrets = List.of("Mail-Pa55-old-1", "Mail-Pa55-new-2", "Env-Api-T0ken-77");
        try (WorkRepository repo = new WorkRepository(temp.resolve("repo"), "secrets/swarm");
                GitOps gitOps = GitOps.builder().repository(repo.remote()).cacheDir(temp.resolve("cache"))
                        .targets(env -> SwarmTarget.connect(env, SwarmConnection.plain(host))).listener(log::add).build()) {
            repo.write("gitops.yaml", repo.read("gitops.yaml").replace("STACK", stack));
            repo.commit("stack");
            List<Object> outputs = new ArrayList<>();
            SyncResult first = gitOps.sync(SyncRequest.of("mail").withVariables(Map.of("SMTP_PASSWORD", "Mail-Pa55-old-1")));
            assertThat(first.objects()).anySatisfy(o -> assertThat(o.diff()).contains("bounces?token=****"));
            outputs.add(first);

            SyncRequest rotated = SyncRequest.of("mail").withVariables(Map.of("SMTP_PASSWORD", "Mail-Pa55-new-2"));
            SyncResult diff = gitOps.diff(rotated);
            ObjectResult mailer = diff.objects().stream().filter(o -> o.action().equals("update")).findFirst().orElseThrow();
            assertThat(mailer.diff()).contains("SMTP_PASSWORD=<redacted, differs>", "SMTP_PASSWORD=<redacted>");
            assertThat(mailer.changes()).extracting(c -> c.live() + " -> " + c.desired())
                    .containsExactly("SMTP_PASSWORD=<redacted, differs> -> SMTP_PASSWORD=<redacted>");
            outputs.add(diff);
            outputs.add(gitOps.sync(rotated));
            outputs.add(gitOps.history("mail"));

            repo.write("environments/mail/docker-compose.yml", repo.read("extras/replicas-typo.yml"));
            repo.commit("replicas from the wrong variable");
            assertThatThrownBy(() -> gitOps.sync(rotated)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("replicas: expected a whole number, found '****'")
                    .satisfies(e -> outputs.add(((InvalidInputException) e).problems()));

            assertThat(everything(outputs, gitOps)).contains("<redacted").doesNotContain(secrets);
        } finally {
            DockerCli.run(host, "stack", "rm", stack);
        }
    }

    /** Results as text and as JSON (as `gitops --output json` prints them), the log and the metrics. */
    private String everything(List<Object> outputs, GitOps gitOps) throws Exception {
        StringBuilder all = new StringBuilder();
        for (Object output : outputs) {
            all.append(output).append('\n').append(JSON.writeValueAsString(output)).append('\n');
        }
        return all.append(String.join("\n", log)).append('\n').append(gitOps.metrics().scrape()).toString();
    }
}
