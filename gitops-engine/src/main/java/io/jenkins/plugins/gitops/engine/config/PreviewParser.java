package io.jenkins.plugins.gitops.engine.config;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.model.PreviewNames;
import io.jenkins.plugins.gitops.engine.model.PreviewSpec;
import io.jenkins.plugins.gitops.engine.model.PreviewSpec.ImageOverride;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;

/**
 * {@code preview:} of an environment (reference: docs/gitops-yaml.md#preview, docs/previews.md). The
 * patterns are checked by expanding them with the environment's name and a sample id, so a pattern
 * that could never give a DNS label is reported here, not at the first pull request.
 */
final class PreviewParser {
    static final List<String> PREVIEW_KEYS = List.of("name", "host", "ttl", "variables", "images");
    /** Kustomize's {@code images} entry keys (api/types/image.go), without the deprecated ones. */
    static final List<String> IMAGE_KEYS = List.of("name", "newName", "newTag", "digest");
    /** The id used to check patterns: a short change-request number. */
    static final String SAMPLE_ID = "1";
    private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}]*)}");

    private PreviewParser() {
    }

    /** The preview spec, or null after reporting its problems; {@code environment} is the declaring environment. */
    static PreviewSpec parse(YamlMap.Entry entry, String environment, Problems problems) {
        YamlMap map = Values.map(entry.value(), entry.path(), entry.line(), problems);
        if (map == null) {
            return null;
        }
        map.rejectUnknown(PREVIEW_KEYS, problems);
        int before = problems.errorCount();
        String name = pattern(map.get("name"), PreviewNames.NAME_PLACEHOLDERS, problems);
        String host = pattern(map.get("host"), PreviewNames.HOST_PLACEHOLDERS, problems);
        Duration ttl = null;
        YamlMap.Entry ttlEntry = map.get("ttl");
        if (ttlEntry != null) {
            ttl = ttl(ttlEntry, problems);
        }
        List<String> variables = variables(map.get("variables"), problems);
        List<ImageOverride> images = images(map.get("images"), variables == null ? List.of() : variables, problems);
        if (problems.errorCount() > before) {
            return null;
        }
        PreviewSpec spec = new PreviewSpec(name, host, ttl, variables == null ? List.of() : variables,
                images == null ? List.of() : images);
        checkExpansions(spec, map, environment, problems);
        return problems.errorCount() > before ? null : spec;
    }

    private static String pattern(YamlMap.Entry entry, List<String> placeholders, Problems problems) {
        if (entry == null) {
            return null;
        }
        String value = Values.string(entry.value(), entry.path(), problems);
        if (value == null) {
            return null;
        }
        List<String> unknown = PreviewNames.unknownPlaceholders(value, placeholders);
        if (!unknown.isEmpty()) {
            problems.error(entry.value(), entry.path(), "unknown placeholder " + String.join(", ", unknown)
                    + " in '" + Values.clip(value) + "'; use " + String.join(", ", placeholders.stream()
                            .map(p -> "<" + p + ">").toList()));
            return null;
        }
        long ids = value.split("<id>", -1).length - 1L;
        if (ids != 1) {
            problems.error(entry.value(), entry.path(), "'" + Values.clip(value) + "' must contain <id> exactly once,"
                    + " so that every change request gets its own " + (entry.key().equals("name") ? "name" : "host")
                    + ", e.g. " + (entry.key().equals("name") ? PreviewSpec.DEFAULT_NAME : "pr-<id>.preview.example.com"));
            return null;
        }
        return value;
    }

    private static void checkExpansions(PreviewSpec spec, YamlMap map, String environment, Problems problems) {
        String name = PreviewNames.name(spec, environment, SAMPLE_ID);
        if (!PreviewNames.DNS_LABEL.matcher(name).matches()) {
            YamlMap.Entry at = map.get("name");
            problems.error(at == null ? map.line() : at.line(), map.path() + ".name", "gives '" + Values.clip(name)
                    + "' for id " + SAMPLE_ID + ", which is not a DNS label (a namespace or stack name): lower-case letters,"
                    + " digits and '-', at most 63, starting and ending with a letter or digit");
        }
        String host = PreviewNames.host(spec, environment, SAMPLE_ID);
        if (host != null && !PreviewNames.DNS_NAME.matcher(host).matches()) {
            problems.error(map.get("host").line(), map.path() + ".host", "gives '" + Values.clip(host) + "' for id "
                    + SAMPLE_ID + ", which is not a host name: lower-case DNS labels separated by '.', e.g. pr-<id>.preview.example.com");
        }
    }

    private static Duration ttl(YamlMap.Entry entry, Problems problems) {
        String text = Values.scalar(entry.value(), entry.path(), problems, "a duration such as 72h or 3d");
        if (text == null) {
            return null;
        }
        try {
            Duration ttl = PreviewAges.parse(text);
            if (ttl.isZero()) {
                problems.error(entry.value(), entry.path(), "a ttl of 0 would remove a preview as soon as it is made;"
                        + " use e.g. 72h or 3d, or leave ttl out to keep previews until deleted");
                return null;
            }
            return ttl;
        } catch (InvalidInputException e) {
            problems.error(entry.value(), entry.path(), e.getMessage());
            return null;
        }
    }

    private static List<String> variables(YamlMap.Entry entry, Problems problems) {
        if (entry == null) {
            return List.of();
        }
        List<String> names = Values.stringList(entry.value(), entry.path(), problems, "[IMAGE_TAG]");
        if (names == null) {
            return null;
        }
        Set<String> seen = new LinkedHashSet<>();
        for (String name : names) {
            if (!VARIABLE_NAME.matcher(name).matches()) {
                problems.error(entry.line(), entry.path(), "'" + Values.clip(name) + "' is not a variable name:"
                        + " use letters, digits and '_', not starting with a digit (e.g. IMAGE_TAG)");
                return null;
            }
            if (!seen.add(name)) {
                problems.error(entry.line(), entry.path(), "'" + Values.clip(name) + "' is listed twice");
                return null;
            }
        }
        return List.copyOf(seen);
    }

    private static List<ImageOverride> images(YamlMap.Entry entry, List<String> variables, Problems problems) {
        if (entry == null) {
            return List.of();
        }
        List<Node> items = Values.list(entry.value(), entry.path(), problems, "[{ name: ghcr.io/acme/app, newTag: ${IMAGE_TAG} }]");
        if (items == null) {
            return null;
        }
        List<ImageOverride> images = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String path = entry.path() + "[" + i + "]";
            YamlMap image = Values.map(items.get(i), path, Values.line(items.get(i)), problems);
            if (image == null) {
                continue;
            }
            image.rejectUnknown(IMAGE_KEYS, problems);
            YamlMap.Entry nameEntry = image.require("name", "the image to change, as written in the manifests, e.g. ghcr.io/acme/app",
                    problems);
            String name = nameEntry == null ? null : Values.string(nameEntry.value(), nameEntry.path(), problems);
            String newName = field(image, "newName", variables, problems);
            String newTag = field(image, "newTag", variables, problems);
            String digest = field(image, "digest", variables, problems);
            if (name != null && newName == null && newTag == null && digest == null) {
                problems.error(image.line(), path, "set newName, newTag or digest (e.g. newTag: ${IMAGE_TAG})");
            }
            images.add(new ImageOverride(name, newName, newTag, digest));
        }
        return images;
    }

    private static String field(YamlMap image, String key, List<String> variables, Problems problems) {
        YamlMap.Entry entry = image.get(key);
        if (entry == null) {
            return null;
        }
        String value = Values.string(entry.value(), entry.path(), problems);
        if (value == null) {
            return null;
        }
        Matcher m = REFERENCE.matcher(value);
        while (m.find()) {
            if (!variables.contains(m.group(1))) {
                problems.error(entry.value(), entry.path(), "${" + Values.clip(m.group(1)) + "} is not one of the"
                        + " preview's variables" + (variables.isEmpty() ? " (none are listed)" : " (" + String.join(", ", variables) + ")")
                        + "; add it to preview.variables");
            }
        }
        return value;
    }
}
