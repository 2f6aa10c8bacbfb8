package io.jenkins.plugins.gitops.engine.cluster.kubernetes;

import io.jenkins.plugins.gitops.engine.model.DesiredState;
import io.jenkins.plugins.gitops.engine.model.Environment;
import io.jenkins.plugins.gitops.engine.model.Resource;
import io.jenkins.plugins.gitops.engine.model.TargetSpec;
import io.jenkins.plugins.gitops.engine.render.SafeYaml;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Desired states built from the YAML files under src/test/resources/kubernetes. */
final class Fixtures {
    static final String ENV = "dev";
    static final String NAMESPACE = "docs-dev";

    private Fixtures() {
    }

    static Environment environment() {
        return Environment.of(ENV, "environments/dev", TargetSpec.kubernetes(NAMESPACE));
    }

    static Environment environmentWithoutNamespaceCreation() {
        return Environment.of(ENV, "environments/dev", new TargetSpec(TargetSpec.Type.KUBERNETES, NAMESPACE, null,
                false, null));
    }

    /** Each fixture file becomes {@code environments/dev/<file name>} as its source. */
    @SuppressWarnings("unchecked")
    static DesiredState state(String... files) {
        List<Resource> resources = new ArrayList<>();
        for (String file : files) {
            String source = "environments/dev/" + file.substring(file.lastIndexOf('/') + 1);
            try (InputStream in = Fixtures.class.getResourceAsStream("/kubernetes/" + file)) {
                if (in == null) {
                    throw new IllegalArgumentException("no fixture " + file);
                }
                for (Object doc : SafeYaml.loadAll(in.readAllBytes(), source)) {
                    resources.add(Resource.ofManifest((Map<String, Object>) doc, source));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new DesiredState(ENV, "0123abc", resources, List.of());
    }
}
