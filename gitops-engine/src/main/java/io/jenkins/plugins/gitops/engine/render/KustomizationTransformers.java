package io.jenkins.plugins.gitops.engine.render;

import io.jenkins.plugins.gitops.engine.render.Kustomization.LabelRule;
import io.jenkins.plugins.gitops.engine.render.Kustomization.Patch;
import io.jenkins.plugins.gitops.engine.render.Kustomization.Replica;
import java.util.List;

/**
 * A kustomization's built-in transformers in kustomize's order (kusttarget_configplugin.go
 * configureBuiltinTransformers): strategic merge patches, patches, namespace, prefix, suffix, labels,
 * annotations, JSON6902 patches, replicas, images, replacements; each run is noted for the transformer
 * annotations of {@code buildMetadata}.
 */
final class KustomizationTransformers {
    private KustomizationTransformers() {
    }

    static void run(Kustomization k, List<WorkingObject> objects, TransformerConfig config, BuildMetadata metadata) {
        String file = k.file();
        if (!k.strategicMergePatches().isEmpty()) {
            for (Patch patch : k.strategicMergePatches()) {
                PatchApplier.apply(objects, patch);
            }
            metadata.transformed(objects, file, "PatchStrategicMergeTransformer");
        }
        for (Patch patch : k.patches()) {
            PatchApplier.apply(objects, patch);
            metadata.transformed(objects, file, "PatchTransformer");
        }
        if (k.namespace() != null && !k.namespace().isEmpty()) {
            NameTransformer.namespace(objects, k.namespace(), config.get("namespace"), file);
            metadata.transformed(objects, file, "NamespaceTransformer");
        }
        if (k.namePrefix() != null && !k.namePrefix().isEmpty()) {
            NameTransformer.prefix(objects, k.namePrefix(), config.get("namePrefix"));
            metadata.transformed(objects, file, "PrefixTransformer");
        }
        if (k.nameSuffix() != null && !k.nameSuffix().isEmpty()) {
            NameTransformer.suffix(objects, k.nameSuffix(), config.get("nameSuffix"));
            metadata.transformed(objects, file, "SuffixTransformer");
        }
        for (LabelRule rule : k.labels()) {
            List<FieldSpec> specs = rule.common() ? config.get("commonLabels")
                    : MetadataTransformer.labelSpecs(rule, config, file);
            MetadataTransformer.apply(objects, rule.pairs(), specs);
        }
        for (int i = 0; i < k.extensions().labelTransformers(); i++) {
            metadata.transformed(objects, file, "LabelTransformer");
        }
        if (!k.commonAnnotations().isEmpty()) {
            MetadataTransformer.apply(objects, k.commonAnnotations(), config.get("commonAnnotations"));
            metadata.transformed(objects, file, "AnnotationsTransformer");
        }
        for (Patch patch : k.json6902Patches()) {
            PatchApplier.apply(objects, patch);
            metadata.transformed(objects, file, "PatchJson6902Transformer");
        }
        for (Replica replica : k.replicas()) {
            ReplicaCount.apply(objects, replica, config.get("replicas"), file);
            metadata.transformed(objects, file, "ReplicaCountTransformer");
        }
        for (ImageRewriter.Rule image : k.images()) {
            ImageRewriter.apply(List.of(image), objects, config.get("images"));
            metadata.transformed(objects, file, "ImageTagTransformer");
        }
        if (!k.extensions().replacements().isEmpty()) {
            Replacements.apply(k.extensions().replacements(), objects);
            metadata.transformed(objects, file, "ReplacementTransformer");
        }
    }
}
