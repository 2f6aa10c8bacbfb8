package io.jenkins.plugins.gitops.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.jenkins.plugins.gitops.engine.api.SyncRequest;
import io.jenkins.plugins.gitops.engine.api.SyncResult;
import io.jenkins.plugins.gitops.testkit.InProcessKubernetes;
import io.jenkins.plugins.gitops.engine.cluster.kubernetes.KubernetesTarget;
import io.jenkins.plugins.gitops.engine.testing.WorkRepository;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9, items 6 to 8 end to end against the in-process API (which drops, refuses and dry-runs as an
 * API server does): empty values converge, no copy of the object in annotations, and nothing is written
 * until the schema check and the server-side dry run of every write pass.
 */
@Timeout(120)
class SafeApplyTest {
    private static final String[] WRITES = {"POST", "PUT", "PATCH", "DELETE"};
    private static final String NS = "safety-dev";

    @TempDir
    Path temp;

    private InProcessKubernetes api;
    private WorkRepository repo;
    private GitOps gitOps;
    private final List<String> log = new ArrayList<>();

    @BeforeEach
    void start() {
        api = InProcessKubernetes.start();
        api.startControllerStandIn();
        repo = new WorkRepository(temp.resolve("repo"), "gitops/safety");
        gitOps = GitOps.builder().repository(repo.remote()).cacheDir(temp.resolve("cache"))
                .targets(env -> new KubernetesTarget(api.newClient(), env)).listener(log::add).build();
    }

    @AfterEach
    void stop() {
        gitOps.close();
        repo.close();
        api.close();
    }

    private static String resource(String path) {
        try (InputStream in = SafeApplyTest.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void emptyMapsListsAndNullsConvergeInOneSyncThenNoDiffAndNoWrite() {
        SyncResult first = gitOps.sync(SyncRequest.of("dev"));
        assertThat(first.succeeded()).as(first.message()).isTrue();
        assertThat(first.created()).isEqualTo(4); // namespace, Deployment, CRD, Gadget

        SyncResult diff = gitOps.diff(SyncRequest.of("dev"));
        assertThat(diff.inSync()).as(diff.objects().toString()).isTrue();
        api.resetRequestCounts();
        SyncResult second = gitOps.sync(SyncRequest.of("dev"));
        assertThat(second.unchanged()).isEqualTo(4);
        assertThat(api.requestCounts()).doesNotContainKeys(WRITES).doesNotContainKey("DRY_RUN_PATCH");
    }

    @Test
    void aConfigMapOf277KilobytesSyncsAndItsAnnotationsStayFarBelowTheLimit() {
        StringBuilder dashboard = new StringBuilder("{\"title\":\"Platform\",\"panels\":[");
        for (int i = 0; dashboard.length() < 277_000; i++) {
            dashboard.append(i == 0 ? "" : ",").append("{\"id\":").append(i).append(",\"type\":\"timeseries\",")
                    .append("\"targets\":[{\"expr\":\"sum(rate(http_requests_total{job=\\\"web\\\",panel=\\\"")
                    .append(i).append("\\\"}[5m]))\"}]}");
        }
        String json = dashboard.append("]}").toString();
        repo.write("environments/dev/dashboards.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: dashboards\n"
                + "data:\n  platform.json: '" + json + "'\n");
        repo.commit("a 277 KB dashboard");

        SyncResult result = gitOps.sync(SyncRequest.of("dev"));

        assertThat(result.succeeded()).as(result.message()).isTrue();
        ConfigMap live = api.client().configMaps().inNamespace(NS).withName("dashboards").get();
        assertThat(live.getData().get("platform.json")).hasSize(json.length());
        int annotationBytes = live.getMetadata().getAnnotations().entrySet().stream()
                .mapToInt(e -> e.getKey().length() + e.getValue().length()).sum();
        // the object's own bookkeeping (managed fields, owner) only: nowhere near 262,144 bytes
        assertThat(annotationBytes).isLessThan(1_000);
        assertThat(live.getMetadata().getAnnotations()).doesNotContainKey("gitops.jenkins.io/last-applied")
                .hasEntrySatisfying("gitops.jenkins.io/managed-fields", managed -> assertThat(managed)
                        .contains("\"data\":{\"platform.json\":0}").doesNotContain("timeseries"));
        assertThat(gitOps.diff(SyncRequest.of("dev")).inSync()).isTrue();
    }

    @Test
    void anObjectCarryingTheOldLastAppliedCopyMigratesOnTheNextSyncWithoutChurn() throws Exception {
        repo.write("environments/dev/settings.yaml", resource("/kubernetes/app/settings.yaml"));
        repo.commit("settings");
        assertThat(gitOps.sync(SyncRequest.of("dev")).succeeded()).isTrue();
        // as the previous version left it: a full copy in gitops.jenkins.io/last-applied, including a key
        // (OLD_FLAG) that was in Git then and is no longer
        ConfigMap before = api.client().configMaps().inNamespace(NS).withName("settings").edit(cm -> {
            Map<String, Object> copy = new LinkedHashMap<>();
            copy.put("apiVersion", "v1");
            copy.put("kind", "ConfigMap");
            copy.put("metadata", Map.of("name", "settings", "namespace", NS, "labels", cm.getMetadata().getLabels()));
            Map<String, String> data = new LinkedHashMap<>(cm.getData());
            data.put("OLD_FLAG", "on");
            copy.put("data", data);
            cm.getData().put("OLD_FLAG", "on");
            cm.getMetadata().getAnnotations().remove("gitops.jenkins.io/managed-fields");
            try {
                cm.getMetadata().getAnnotations().put("gitops.jenkins.io/last-applied", new ObjectMapper().writeValueAsString(copy));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return cm;
        });
        api.resetRequestCounts();

        SyncResult migration = gitOps.sync(SyncRequest.of("dev"));

        assertThat(migration.updated()).as(migration.objects().toString()).isEqualTo(1);
        // one patch of the object (PUTs are the lease and the deployment record), nothing created or deleted
        assertThat(api.requestCounts()).containsEntry("PATCH", 1L).doesNotContainKeys("POST", "DELETE");
        ConfigMap after = api.client().configMaps().inNamespace(NS).withName("settings").get();
        assertThat(after.getMetadata().getUid()).isEqualTo(before.getMetadata().getUid());
        assertThat(after.getMetadata().getAnnotations()).containsKey("gitops.jenkins.io/managed-fields")
                .doesNotContainKey("gitops.jenkins.io/last-applied");
        assertThat(after.getData()).doesNotContainKey("OLD_FLAG")
                .isEqualTo(Map.of("LOG_LEVEL", "info")); // what Git says, read through the old copy
        api.resetRequestCounts();
        assertThat(gitOps.sync(SyncRequest.of("dev")).updated()).isZero();
        assertThat(api.requestCounts()).doesNotContainKeys(WRITES);
    }

    @Test
    void typeErrorsAreRefusedBeforeAnyRequestNamingFileObjectAndField() {
        repo.write("environments/dev/api.yaml", resource("/kubernetes/schema/type-errors.yaml"));
        repo.commit("values of the wrong type");
        api.resetRequestCounts();

        InvalidInputException e = catchThrowableOfType(() -> gitOps.sync(SyncRequest.of("dev")), InvalidInputException.class);

        assertThat(e).isNotNull();
        assertThat(e.problems()).contains(
                "environments/dev/api.yaml: Deployment 'api': spec.replicas: expected integer (int32), got the string"
                        + " \"2\"; remove the quotes: 2",
                "environments/dev/api.yaml: Deployment 'api': spec.template.spec.containers[0].env[0].value: expected"
                        + " string, got the number 8080; quote it: \"8080\"",
                "environments/dev/api.yaml: ConfigMap 'dashboards': data[settings]: expected a string, got a mapping;"
                        + " ConfigMap data values are strings: write the content as a block string (settings: |) or"
                        + " generate it from a file",
                "environments/dev/api.yaml: Secret 'smtp': data[password]: is not valid base64 (data values are"
                        + " base64-encoded; put plain text under stringData instead)");
        assertThat(e.getMessage()).doesNotContain("not base64!");
        assertThat(api.requestCounts()).doesNotContainKeys(WRITES).doesNotContainKeys("DRY_RUN_POST", "DRY_RUN_PATCH");
    }

    @Test
    void whatOnlyTheServerRefusesIsFoundByTheDryRunAndNothingIsWritten() {
        assertThat(gitOps.sync(SyncRequest.of("dev")).succeeded()).isTrue();
        repo.write("environments/dev/worker.yaml", repo.read("environments/dev/worker.yaml").replace("replicas: 1",
                "replicas: 2"));
        repo.write("environments/dev/notes.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: notes\n"
                + "  annotations:\n    example.com/notes: '" + "n".repeat(270_000) + "'\ndata:\n  a: b\n");
        repo.commit("scale, and notes too big for annotations");
        api.resetRequestCounts();

        InvalidInputException e = catchThrowableOfType(() -> gitOps.sync(SyncRequest.of("dev")), InvalidInputException.class);

        assertThat(e).isNotNull();
        assertThat(e.problems()).containsExactly("environments/dev/notes.yaml: ConfigMap 'notes': the API server refuses"
                + " this object (server-side dry run of the create): HTTP 422: ConfigMap \"notes\" is invalid:"
                + " metadata.annotations: Too long: must have at most 262144 bytes");
        assertThat(api.requestCounts()).containsEntry("DRY_RUN_POST", 1L).containsEntry("DRY_RUN_PATCH", 1L)
                .doesNotContainKeys(WRITES);
        assertThat(api.client().apps().deployments().inNamespace(NS).withName("worker").get().getSpec().getReplicas())
                .isEqualTo(1);
        assertThat(api.client().configMaps().inNamespace(NS).withName("notes").get()).isNull();

        repo.delete("environments/dev/notes.yaml");
        repo.commit("no notes");
        SyncResult fixed = gitOps.sync(SyncRequest.of("dev"));
        assertThat(fixed.succeeded()).isTrue();
        assertThat(log).contains("  server-side dry run: 1 object(s) accepted");
        assertThat(api.client().apps().deployments().inNamespace(NS).withName("worker").get().getSpec().getReplicas())
                .isEqualTo(2);
    }
}
