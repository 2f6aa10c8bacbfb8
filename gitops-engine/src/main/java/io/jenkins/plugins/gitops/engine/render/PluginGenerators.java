package io.jenkins.plugins.gitops.engine.render;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.source.SourceTree;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a built-in generator configured in {@code generators:}: ConfigMapGenerator and SecretGenerator
 * (the arguments of a configMapGenerator entry, name and namespace defaulting to the configuration's
 * metadata, no generatorOptions; api/internal/builtins/ConfigMapGenerator.go) through {@link Generators},
 * and IAMPolicyGenerator (a GKE workload-identity ServiceAccount, api/filters/iampolicygenerator).
 */
final class PluginGenerators {
    private PluginGenerators() {
    }

    /** Generates into {@code objects} (new objects appended; merge and replace change existing ones). */
    static List<Generators.Spec> generate(SourceTree tree, Kustomization k, WorkingObject config, String kind,
            ResAccumulator accumulator) {
        String where = k.file() + ": generators: " + config.describe();
        YamlFields c = BuiltinPlugins.lenient(new YamlFields(config.manifest(), where), BuiltinPlugins.keysOf(kind));
        if (kind.equals("IAMPolicyGenerator")) {
            accumulator.append(serviceAccount(c), k.file());
            return List.of();
        }
        String key = kind.equals("ConfigMapGenerator") ? "configMapGenerator" : "secretGenerator";
        Map<String, Object> args = BuiltinPlugins.generatorArgs(c);
        List<Generators.Spec> specs = Generators.specs(new YamlFields(Map.of(key, List.of(args)), where),
                k.directory());
        Generators.apply(tree, specs, accumulator.objects(), config.source());
        return specs;
    }

    private static WorkingObject serviceAccount(YamlFields c) {
        String cloud = c.string("cloud");
        if (!"gke".equals(cloud)) {
            throw new InvalidInputException(c.where() + ": cloud provider " + BuiltinPlugins.orEmpty(cloud)
                    + " not supported yet; IAMPolicyGenerator supports cloud: gke");
        }
        YamlFields service = object(c, "kubernetesService", List.of("name", "namespace"));
        YamlFields account = object(c, "serviceAccount", List.of("name", "projectId"));
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("annotations", new LinkedHashMap<>(Map.of("iam.gke.io/gcp-service-account",
                BuiltinPlugins.orEmpty(account.string("name")) + "@"
                        + BuiltinPlugins.orEmpty(account.string("projectId"))
                        + ".iam.gserviceaccount.com")));
        metadata.put("name", BuiltinPlugins.orEmpty(service.string("name")));
        if (service.string("namespace") != null && !service.string("namespace").isEmpty()) {
            metadata.put("namespace", service.string("namespace"));
        }
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("apiVersion", "v1");
        manifest.put("kind", "ServiceAccount");
        manifest.put("metadata", metadata);
        return new WorkingObject(manifest, c.where(), false);
    }

    private static YamlFields object(YamlFields c, String key, List<String> keys) {
        YamlFields o = c.object(key) == null ? new YamlFields(Map.of(), c.where() + ": " + key) : c.object(key);
        return BuiltinPlugins.lenient(o, keys);
    }
}
