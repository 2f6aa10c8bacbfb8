package io.jenkins.plugins.gitops.engine.preview;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Traefik's Swarm provider routing labels ({@code deploy.labels} of a compose service, i.e. the Swarm
 * service's labels) as a preview needs them: the routers, services and middlewares the stack defines
 * get the preview's name as a prefix (Traefik keys them by name across the whole swarm, so a copy under
 * the same names would be "defined multiple times" and dropped), references to them follow, and with a
 * preview host every {@code Host(...)} / {@code HostSNI(...)} matcher of a router rule and every
 * {@code tls.domains[n].main} name it. Label syntax: Traefik v2/v3 routing configuration reference
 * (providers/swarm "routing configuration", routers' {@code rule}, {@code service}, {@code middlewares},
 * {@code tls.*}; middlewares' {@code chain.middlewares}); v1's {@code traefik.frontend.rule} is left alone.
 */
final class TraefikLabels {
    /** {@code traefik.<protocol>.<section>.<name>.<rest>} */
    private static final Pattern KEY = Pattern.compile("traefik\\.(http|tcp|udp)\\.(routers|services|middlewares)\\.([^.]+)\\.(.+)");
    /** A {@code Host(...)} or {@code HostSNI(...)} matcher with its arguments (backticks or quotes). */
    private static final Pattern HOST_MATCHER = Pattern.compile("\\b(Host|HostSNI)\\s*\\(([^()]*)\\)");
    private static final Set<String> NETWORK_KEYS = Set.of("traefik.docker.network", "traefik.swarm.network");

    private final String prefix;
    private final String host;
    private final String templateStack;
    private final String previewStack;
    /** {@code protocol/section/name} of every name the stack defines, across all of its services. */
    private final Set<String> defined = new LinkedHashSet<>();
    private String url;

    /** {@code host}: the preview host, null to leave rules alone. */
    TraefikLabels(String previewName, String host, String templateStack) {
        this.prefix = previewName + "-";
        this.host = host;
        this.templateStack = templateStack;
        this.previewStack = previewName;
    }

    /** First pass: remembers the routers, services and middlewares a service's labels define. */
    void collect(Map<String, Object> labels) {
        for (String key : labels.keySet()) {
            Matcher m = KEY.matcher(key);
            if (m.matches()) {
                defined.add(m.group(1) + "/" + m.group(2) + "/" + m.group(3));
            }
        }
    }

    /** Second pass: the service's labels with names, references, hosts and stack networks rewritten. */
    Map<String, Object> rewrite(Map<String, Object> labels) {
        Map<String, Object> out = new LinkedHashMap<>();
        Set<String> tlsRouters = new LinkedHashSet<>();
        List<String> hostRouters = new ArrayList<>();
        for (Map.Entry<String, Object> e : labels.entrySet()) {
            String key = e.getKey();
            Object value = e.getValue();
            Matcher m = KEY.matcher(key);
            if (!m.matches()) {
                if (NETWORK_KEYS.contains(key) && value instanceof String network && network.startsWith(templateStack + "_")) {
                    value = previewStack + network.substring(templateStack.length());
                }
                out.put(key, value);
                continue;
            }
            String protocol = m.group(1);
            String section = m.group(2);
            String name = m.group(3);
            String rest = m.group(4);
            if (value instanceof String text) {
                value = value(protocol, section, rest, text);
            }
            if (host != null && section.equals("routers") && rest.matches("tls\\.domains\\[\\d+]\\.sans")) {
                continue; // the preview answers for its one host
            }
            if (protocol.equals("http") && section.equals("routers")) {
                if (rest.equals("tls") ? "true".equals(value) : rest.startsWith("tls.")) {
                    tlsRouters.add(name);
                }
                if (rest.equals("rule") && value instanceof String rule && host != null && HOST_MATCHER.matcher(rule).find()) {
                    hostRouters.add(name);
                }
            }
            out.put("traefik." + protocol + "." + section + "." + prefix + name + "." + rest, value);
        }
        if (url == null && !hostRouters.isEmpty()) {
            url = (tlsRouters.contains(hostRouters.get(0)) ? "https://" : "http://") + host + "/";
        }
        return out;
    }

    /** The URL of the first HTTP router whose rule names the preview host; null when none does. */
    String url() {
        return url;
    }

    private Object value(String protocol, String section, String rest, String text) {
        if (section.equals("routers")) {
            if (rest.equals("rule") && host != null) {
                return hosts(text);
            }
            if (host != null && rest.matches("tls\\.domains\\[\\d+]\\.main")) {
                return host;
            }
            if (rest.equals("service")) {
                return reference(protocol, "services", text);
            }
            if (rest.equals("middlewares")) {
                return references(protocol, text);
            }
        }
        if (section.equals("middlewares") && rest.equals("chain.middlewares")) {
            return references(protocol, text);
        }
        return text;
    }

    private String hosts(String rule) {
        Matcher m = HOST_MATCHER.matcher(rule);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String args = m.group(2).strip();
            // HostSNI(`*`) matches every name (non-TLS TCP): nothing to rename
            String replacement = args.equals("`*`") || args.equals("\"*\"") ? m.group() : m.group(1) + "(`" + host + "`)";
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String references(String protocol, String list) {
        List<String> out = new ArrayList<>();
        for (String item : list.split(",")) {
            out.add(reference(protocol, "middlewares", item.strip()));
        }
        return String.join(",", out);
    }

    /** A name the stack defines (optionally {@code @swarm}/{@code @docker}) gets the prefix; others stay. */
    private String reference(String protocol, String section, String name) {
        int at = name.indexOf('@');
        String bare = at < 0 ? name : name.substring(0, at);
        String provider = at < 0 ? "" : name.substring(at);
        boolean ownProvider = provider.isEmpty() || provider.equals("@swarm") || provider.equals("@docker");
        return ownProvider && defined.contains(protocol + "/" + section + "/" + bare) ? prefix + bare + provider : name;
    }
}
