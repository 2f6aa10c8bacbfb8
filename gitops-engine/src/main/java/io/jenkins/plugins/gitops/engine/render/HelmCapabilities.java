package io.jenkins.plugins.gitops.engine.render;

import io.jenkins.plugins.gitops.engine.model.ClusterCapabilities;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Gives Helm the target cluster's {@code .Capabilities}. The Kubernetes version goes to Helm's
 * {@code --kube-version} (helm-java {@code withKubeVersion}). helm-java has no {@code --api-versions}, so
 * {@code .Capabilities.APIVersions.Has X} in the chart's templates is rewritten, in the temporary copy
 * only, to sprig's {@code (has X (list ...))} over the versions discovery reported: the same answer Helm gives
 * when it reads them from the cluster ({@code helm install}, Flux's helm-controller). Versions given by hand for
 * an offline render add to Helm's built-in list instead, as {@code helm template --api-versions} does. Other uses of
 * {@code .Capabilities.APIVersions} (ranging over it) keep Helm's built-in list.
 */
final class HelmCapabilities {
    private static final Pattern VERSION = Pattern.compile("^v?(\\d+)\\.(\\d+)(?:\\.(\\d+))?");
    /** {@code .Capabilities.APIVersions.Has}, {@code $.Capabilities...}, {@code .context.Capabilities...}, {@code $root.Capabilities...}. */
    private static final Pattern HAS = Pattern.compile("(?<![\\w.$])(?:\\$\\w*)?(?:\\.\\w+)*?\\.Capabilities\\.APIVersions\\.Has(?=\\s)");

    private HelmCapabilities() {
    }

    /**
     * {@code v1.31.2} from a server's {@code gitVersion} such as {@code v1.31.2-eks-4d8e1d3} or {@code v1.31.2+k3s1}:
     * major.minor.patch only, as Argo CD passes {@code --kube-version} (its clean-up of provider suffixes, so a chart's
     * {@code kubeVersion: ">=1.23.0"} matches on EKS and GKE). Null when the version is unknown or unreadable.
     */
    static String kubeVersion(ClusterCapabilities capabilities) {
        if (capabilities.kubeVersion() == null) {
            return null;
        }
        Matcher m = VERSION.matcher(capabilities.kubeVersion().strip());
        if (!m.find()) {
            return null;
        }
        return "v" + m.group(1) + "." + m.group(2) + "." + (m.group(3) == null ? "0" : m.group(3));
    }

    /**
     * The template text with every {@code <receiver>.Capabilities.APIVersions.Has ARG} answered from {@code served};
     * with {@code addToBuiltIn}, Helm's own answer still counts ({@code (or (has ARG (list ...)) (<original>))}),
     * as {@code helm template --api-versions} adds to the built-in list.
     */
    static String rewrite(String template, Set<String> served, boolean addToBuiltIn) {
        if (served.isEmpty() || !template.contains("Capabilities.APIVersions.Has")) {
            return template;
        }
        String list = "(list " + served.stream().sorted().map(v -> "\"" + v + "\"").collect(Collectors.joining(" ")) + ")";
        StringBuilder out = new StringBuilder();
        Matcher m = HAS.matcher(template);
        int copied = 0;
        while (m.find()) {
            int start = skipSpaces(template, m.end());
            int end = argumentEnd(template, start);
            if (end < 0) {
                continue; // not a form we can read: Helm answers from its built-in list
            }
            String argument = template.substring(start, end);
            String has = "(has " + argument + " " + list + ")";
            out.append(template, copied, m.start()).append(addToBuiltIn
                    ? "(or " + has + " (" + template.substring(m.start(), m.end()) + " " + argument + "))" : has);
            copied = end;
        }
        return out.append(template.substring(copied)).toString();
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    /** End (exclusive) of one Go template operand at {@code i}: a string, a variable or field chain, or a (...) group. */
    private static int argumentEnd(String s, int i) {
        if (i >= s.length()) {
            return -1;
        }
        char c = s.charAt(i);
        if (c == '"') {
            for (int j = i + 1; j < s.length(); j++) {
                if (s.charAt(j) == '\\') {
                    j++;
                } else if (s.charAt(j) == '"') {
                    return j + 1;
                } else if (s.charAt(j) == '\n') {
                    return -1;
                }
            }
            return -1;
        }
        if (c == '`') {
            int close = s.indexOf('`', i + 1);
            return close < 0 ? -1 : close + 1;
        }
        if (c == '(') {
            int depth = 0;
            for (int j = i; j < s.length(); j++) {
                char d = s.charAt(j);
                if (d == '"' || d == '`') {
                    int end = argumentEnd(s, j);
                    if (end < 0) {
                        return -1;
                    }
                    j = end - 1;
                } else if (d == '(') {
                    depth++;
                } else if (d == ')' && --depth == 0) {
                    return j + 1;
                }
            }
            return -1;
        }
        if (c == '$' || c == '.') {
            int j = i + 1;
            while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_' || s.charAt(j) == '.')) {
                j++;
            }
            return j;
        }
        return -1;
    }
}
