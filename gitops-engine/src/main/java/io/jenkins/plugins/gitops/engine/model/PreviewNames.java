package io.jenkins.plugins.gitops.engine.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands the {@code preview:} name and host patterns. Placeholders are written {@code <env>},
 * {@code <id>} and (host only) {@code <name>}; everything else is literal. A preview name is a
 * DNS label (RFC 1123, as Kubernetes namespaces): it is the preview's environment name, namespace or stack.
 */
public final class PreviewNames {
    /** RFC 1123 label, as Kubernetes validates namespace names (apimachinery validation.IsDNS1123Label). */
    public static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    /** RFC 1123 subdomain, as Kubernetes validates Ingress rule hosts (without the wildcard form). */
    public static final Pattern DNS_NAME = Pattern.compile("(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final Pattern PLACEHOLDER = Pattern.compile("<([^<>]*)>");
    public static final List<String> NAME_PLACEHOLDERS = List.of("env", "id");
    public static final List<String> HOST_PLACEHOLDERS = List.of("env", "id", "name");

    private PreviewNames() {
    }

    /** The placeholders of {@code pattern} not in {@code allowed}, in order (for validation). */
    public static List<String> unknownPlaceholders(String pattern, List<String> allowed) {
        List<String> unknown = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(pattern);
        while (m.find()) {
            if (!allowed.contains(m.group(1))) {
                unknown.add("<" + m.group(1) + ">");
            }
        }
        return unknown;
    }

    /** {@code pattern} with each {@code <key>} replaced by its value. */
    public static String expand(String pattern, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The preview name for a template environment and change-request id. */
    public static String name(PreviewSpec spec, String environment, String id) {
        return expand(spec.name(), Map.of("env", environment, "id", id));
    }

    /** The preview host, or null when the spec has no host pattern. */
    public static String host(PreviewSpec spec, String environment, String id) {
        return spec.host() == null ? null
                : expand(spec.host(), Map.of("env", environment, "id", id, "name", name(spec, environment, id)));
    }

    /**
     * The id of a preview name made by {@code spec} for {@code environment}, or null if the name was
     * not made by this pattern (listing previews found in a target).
     */
    public static String idOf(PreviewSpec spec, String environment, String previewName) {
        StringBuilder regex = new StringBuilder();
        Matcher m = PLACEHOLDER.matcher(spec.name());
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(spec.name().substring(last, m.start())));
            regex.append(switch (m.group(1)) {
                case "env" -> Pattern.quote(environment);
                case "id" -> "(?<id>[a-z0-9]([-a-z0-9]*[a-z0-9])?)";
                default -> Pattern.quote(m.group());
            });
            last = m.end();
        }
        regex.append(Pattern.quote(spec.name().substring(last)));
        Matcher match = Pattern.compile(regex.toString()).matcher(previewName);
        return match.matches() ? match.group("id") : null;
    }
}
