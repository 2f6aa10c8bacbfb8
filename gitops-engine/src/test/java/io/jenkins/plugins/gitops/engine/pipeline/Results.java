package io.jenkins.plugins.gitops.engine.pipeline;

import io.jenkins.plugins.gitops.engine.api.ObjectResult;
import io.jenkins.plugins.gitops.engine.api.SyncResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/** Sync results as the engine returns them, with diffs from fixture files. */
final class Results {
    static final String REVISION = "0123456789abcdef0123456789abcdef01234567";

    private Results() {
    }

    static SyncResult stagingSync() {
        List<ObjectResult> objects = List.of(
                new ObjectResult("Deployment", "docs-staging", "web", "environments/staging/web.yaml", "update",
                        "applied", "", "Healthy", fixture("web-deployment.diff"), List.of()),
                new ObjectResult("Secret", "docs-staging", "app", "environments/staging/secret.yaml", "update",
                        "applied", "", "Healthy", fixture("app-secret.diff"), List.of()),
                new ObjectResult("Service", "docs-staging", "web", "environments/staging/web.yaml", "unchanged",
                        "unchanged", "", "Healthy", "", List.of()),
                new ObjectResult("ConfigMap", "docs-staging", "old", null, "delete", "deleted", "", "", "", List.of()));
        return new SyncResult("staging", REVISION, "Kubernetes https://127.0.0.1:6443 namespace docs-staging", false,
                true, "synced", "Healthy", 0, 2, 1, 1, 0, objects, List.of("policy no-latest-tag: warn only"),
                Duration.ofSeconds(7));
    }

    static String fixture(String name) {
        try (InputStream in = Results.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
