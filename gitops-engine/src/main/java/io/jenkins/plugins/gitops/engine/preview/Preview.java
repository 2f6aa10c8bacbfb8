package io.jenkins.plugins.gitops.engine.preview;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.model.Environment;
import io.jenkins.plugins.gitops.engine.model.PreviewNames;
import io.jenkins.plugins.gitops.engine.model.PreviewSpec;
import io.jenkins.plugins.gitops.engine.model.ProjectConfig;
import io.jenkins.plugins.gitops.engine.model.SyncPolicy;
import io.jenkins.plugins.gitops.engine.model.TargetSpec;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One preview: the copy of a template environment for one change request. Its {@link #environment()}
 * is an environment of its own (name = the preview name, so its own labels, owner, history and lock),
 * running in its own namespace or stack; everything else is the template's (signature rule included), except that a preview
 * always prunes, never self-heals and promotes from nothing.
 *
 * @param template the declaring environment, as gitops.yaml has it
 * @param spec     its {@code preview:} section
 * @param id       the change-request id (a DNS label fragment, e.g. {@code 42})
 * @param name     the preview's environment name, namespace or stack ({@code development-pr-42})
 * @param host     the preview's host name, or null when the spec has none
 */
public record Preview(Environment template, PreviewSpec spec, String id, String name, String host) {
    /** A change-request id: GitHub, GitLab and Bitbucket use numbers; branch-like ids are allowed if DNS-safe. */
    private static final Pattern ID = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    /**
     * The preview of {@code environment} for {@code id}, checked against the whole project: the id must be a
     * DNS label fragment, the name a DNS label, and neither the name nor the namespace/stack may be one
     * of a declared environment (so a preview can never write into, or be mistaken for, one).
     */
    public static Preview of(ProjectConfig config, String environment, String id) {
        Environment template = config.environment(environment);
        PreviewSpec spec = config.preview(environment);
        if (id == null || id.isBlank()) {
            throw new InvalidInputException("no preview id given: pass --id (in Jenkins it is the change request's CHANGE_ID)");
        }
        String normalized = id.strip().toLowerCase(java.util.Locale.ROOT);
        if (!ID.matcher(normalized).matches()) {
            throw new InvalidInputException("preview id '" + clip(id) + "' cannot be part of a namespace or stack name:"
                    + " use lower-case letters, digits and '-', starting and ending with a letter or digit (e.g. 42)");
        }
        String name = PreviewNames.name(spec, environment, normalized);
        if (!PreviewNames.DNS_LABEL.matcher(name).matches()) {
            throw new InvalidInputException(ProjectConfig.FILE_NAME + ": environments." + environment
                    + ".preview.name gives '" + clip(name) + "' for id '" + normalized + "', which is not a DNS label"
                    + " (at most 63 characters); use a shorter id or name pattern");
        }
        for (Environment declared : config.environments().values()) {
            if (declared.name().equals(name) || name.equals(declared.target().namespace())
                    || name.equals(declared.target().stack())) {
                throw new InvalidInputException("preview '" + name + "' would share its name, namespace or stack with"
                        + " environment '" + declared.name() + "' of " + ProjectConfig.FILE_NAME
                        + "; change environments." + environment + ".preview.name or the id");
            }
        }
        String host = PreviewNames.host(spec, environment, normalized);
        return new Preview(template, spec, normalized, name, host);
    }

    /** The preview's own environment: the template's settings in the preview's namespace or stack. */
    public Environment environment() {
        TargetSpec t = template.target();
        TargetSpec target = t.type() == TargetSpec.Type.KUBERNETES
                ? new TargetSpec(t.type(), name, t.context(), true, null)
                : new TargetSpec(t.type(), null, t.context(), false, name);
        return new Environment(name, template.path(), target, SyncPolicy.MANUAL, true, false, template.driftInterval(),
                null, List.of(), template.retry(), template.policies(), template.ignoreDifferences(),
                template.healthTimeout(), false, template.variables(), template.pruneCrds(), template.signatures())
                .withLoadRestrictor(template.loadRestrictor())
                .withRepository(template.tracking().repository()); // owned by the template's repository
    }

    /**
     * Checks the {@code --set} overrides: only the variables the spec lists may be set (each a
     * non-empty value). Values are never quoted in messages.
     */
    public Map<String, String> checkOverrides(Map<String, String> overrides) {
        for (Map.Entry<String, String> e : overrides.entrySet()) {
            if (!spec.variables().contains(e.getKey())) {
                throw new InvalidInputException("preview of '" + template.name() + "': variable '" + clip(e.getKey())
                        + "' may not be overridden; " + (spec.variables().isEmpty()
                                ? "the preview lists no variables (add preview.variables: [" + clip(e.getKey()) + "])"
                                : "allowed: " + String.join(", ", spec.variables())));
            }
            if (e.getValue() == null || e.getValue().isEmpty()) {
                throw new InvalidInputException("preview of '" + template.name() + "': variable '" + e.getKey()
                        + "' is set to an empty value");
            }
        }
        return Map.copyOf(overrides);
    }

    private static String clip(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "...";
    }
}
