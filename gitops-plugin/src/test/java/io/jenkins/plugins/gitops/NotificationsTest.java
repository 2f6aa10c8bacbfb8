package io.jenkins.plugins.gitops;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import hudson.model.Result;
import hudson.util.Secret;
import io.jenkins.plugins.gitops.testkit.InProcessKubernetes;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** Receivers configured in Jenkins with secret text credentials; steps send their events, linking to the build. */
@WithJenkins
@Timeout(300)
class NotificationsTest {
    private static final String TOKEN_PATH = "/services/T000/B000/jenkins-T0KEN-5150";

    @TempDir
    Path dir;
    private Path repository;
    private InProcessKubernetes api;
    private HttpServer server;
    private final BlockingQueue<String> bodies = new LinkedBlockingQueue<>();

    @BeforeEach
    void start() throws Exception {
        repository = GitOpsFixture.gitRepository(dir);
        api = InProcessKubernetes.start();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        api.close();
    }

    @Test
    void receiversSurviveTheSystemPage(JenkinsRule r) throws Exception {
        NotificationReceiver slack = new NotificationReceiver("ops-slack");
        slack.setType("slack");
        slack.setCredentialsId("slack-url");
        NotificationReceiver audit = new NotificationReceiver("audit");
        audit.setCredentialsId("audit-url");
        audit.setTokenCredentialsId("audit-token");
        GitOpsConfiguration.get().setReceivers(List.of(slack, audit));

        r.configRoundtrip();

        r.assertEqualDataBoundBeans(List.of(slack, audit), GitOpsConfiguration.get().getReceivers());
    }

    @Test
    void aSyncRefusedByAPolicyIsSentWithTheBuildAsLinkAndTheReceiverUrlNeverInTheLog(JenkinsRule r) throws Exception {
        GitOpsFixture.configure(r, repository, api);
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + TOKEN_PATH;
        SystemCredentialsProvider.getInstance().getCredentials().add(new StringCredentialsImpl(CredentialsScope.GLOBAL,
                "audit-url", "audit receiver", Secret.fromString(url)));
        SystemCredentialsProvider.getInstance().save();
        NotificationReceiver audit = new NotificationReceiver("audit");
        audit.setCredentialsId("audit-url");
        GitOpsConfiguration.get().setReceivers(List.of(audit));
        GitOpsFixture.commit(repository, "gitops.yaml", GitOpsFixture.fileAtHead(repository, "gitops.yaml").replace(
                "    sync: automatic\n", "    sync: automatic\n    policies: [{ name: required-labels, labels: [team] }]\n"
                        + "    notifications: { on-sync-failed: [audit], on-policy-violation: [audit, pager] }\n"),
                "notify the audit receiver");
        WorkflowJob job = GitOpsFixture.pipeline(r, "notify", "gitopsSync environment: 'development'");

        WorkflowRun run = r.buildAndAssertStatus(Result.FAILURE, job);

        ObjectMapper json = new ObjectMapper();
        JsonNode first = json.readTree(bodies.poll(30, TimeUnit.SECONDS));
        JsonNode second = json.readTree(bodies.poll(30, TimeUnit.SECONDS));
        assertThat(List.of(first.get("trigger").asText(), second.get("trigger").asText()))
                .containsExactlyInAnyOrder("on-policy-violation", "on-sync-failed");
        assertThat(List.of(first, second)).allSatisfy(event -> {
            assertThat(event.get("environment").asText()).isEqualTo("development");
            assertThat(event.get("link").asText()).isEqualTo(r.getURL() + run.getUrl());
        });
        r.assertLogContains("receiver 'pager' is not defined, not sent", run);
        r.assertLogNotContains("jenkins-T0KEN-5150", run);
    }
}
