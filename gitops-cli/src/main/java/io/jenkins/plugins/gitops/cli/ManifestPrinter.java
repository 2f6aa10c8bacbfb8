package io.jenkins.plugins.gitops.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.jenkins.plugins.gitops.engine.diff.Redaction;
import io.jenkins.plugins.gitops.engine.model.DesiredState;
import io.jenkins.plugins.gitops.engine.model.Hook;
import io.jenkins.plugins.gitops.engine.model.Resource;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Rendered objects as one YAML stream, each document preceded by {@code # Source: <file>} (as
 * {@code helm template} does) and, for hooks, {@code # Hook: PreSync (delete policy BeforeHookCreation)}; or as
 * JSON: {@code {environment, revision, warnings, objects: [{source, hook?, manifest}]}}.
 */
final class ManifestPrinter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ManifestPrinter() {
    }

    static String print(DesiredState state, OutputFormat format, boolean showSecrets) {
        return format == OutputFormat.json ? json(state, showSecrets) : yaml(state, showSecrets);
    }

    private static String yaml(DesiredState state, boolean showSecrets) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndicatorIndent(2);
        options.setIndentWithIndicator(true);
        options.setWidth(Integer.MAX_VALUE);
        Yaml yaml = new Yaml(options);
        StringBuilder out = new StringBuilder();
        for (Resource resource : state.resources()) {
            out.append("---\n");
            if (!resource.source().isEmpty()) {
                out.append("# Source: ").append(resource.source()).append('\n');
            }
            Hook hook = Hook.of(resource.annotations());
            if (hook.kind() == Hook.Kind.HOOK) {
                out.append("# Hook: ").append(hook.describePhases()).append(" (delete policy ")
                        .append(String.join(",", hook.deletePolicies().stream().map(Hook.DeletePolicy::displayName)
                                .toList())).append(")\n");
            }
            out.append(yaml.dump(manifest(resource, showSecrets)));
        }
        return out.toString();
    }

    private static String json(DesiredState state, boolean showSecrets) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("environment", state.environment());
        root.put("revision", state.revision());
        root.put("warnings", state.warnings());
        root.put("objects", state.resources().stream().map(r -> {
            Map<String, Object> object = new LinkedHashMap<>();
            object.put("source", r.source());
            Hook hook = Hook.of(r.annotations());
            if (hook.kind() == Hook.Kind.HOOK) {
                object.put("hook", Map.of("phases", hook.phases().stream().map(Hook.Phase::displayName).toList(),
                        "deletePolicies", hook.deletePolicies().stream().map(Hook.DeletePolicy::displayName).toList()));
            }
            object.put("manifest", manifest(r, showSecrets));
            return object;
        }).toList());
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> manifest(Resource resource, boolean showSecrets) {
        return showSecrets ? resource.mutableManifest() : Redaction.redact(resource.key(), resource.mutableManifest());
    }

}
