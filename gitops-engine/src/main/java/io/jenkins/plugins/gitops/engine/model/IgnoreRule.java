package io.jenkins.plugins.gitops.engine.model;

import java.util.List;

/**
 * Differences to ignore: JSON pointers into the manifest, optionally only for one kind and/or name
 * (null matches any). Typical use: {@code /spec/replicas} of a Deployment scaled by an autoscaler.
 */
public record IgnoreRule(String kind, String name, List<String> jsonPointers) {
    public IgnoreRule {
        jsonPointers = List.copyOf(jsonPointers);
    }

    public boolean appliesTo(ResourceKey key) {
        return (kind == null || kind.equals(key.kind())) && (name == null || name.equals(key.name()));
    }
}
