package io.jenkins.plugins.gitops.engine.render.compose;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Compose {@code ports:} (short {@code "8080:80/udp"}, ranges, and long syntax) to Engine API PortConfigs. */
final class PortConverter {
    private static final Pattern SHORT = Pattern.compile("(?:(\\d+)(?:-(\\d+))?:)?(\\d+)(?:-(\\d+))?(?:/(tcp|udp|sctp))?");
    /** {@code IP:PUBLISHED:TARGET}: an IPv4 address or a bracketed IPv6 one before the published port. */
    private static final Pattern HOST_IP = Pattern.compile("(\\d{1,3}(?:\\.\\d{1,3}){3}|\\[[0-9a-fA-F:.]+\\]):(.*:.*)");
    private final java.util.List<String> warnings;
    private final ComposeValues v;
    private final String file;
    private final String service;

    PortConverter(ComposeValues v, String file, String service, java.util.List<String> warnings) {
        this.v = v;
        this.warnings = warnings;
        this.file = file;
        this.service = service;
    }

    List<Map<String, Object>> ports(List<Object> entries) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object entry : entries) {
            if (entry instanceof Map) {
                out.add(longSyntax(v.map(entry, "ports")));
            } else {
                out.addAll(shortSyntax(v.string(entry, "ports").strip()));
            }
        }
        return out;
    }

    private List<Map<String, Object>> shortSyntax(String entry) {
        String s = entry;
        Matcher ip = HOST_IP.matcher(s);
        if (ip.matches() && SHORT.matcher(ip.group(2)).matches()) {
            // docker stack deploy drops the address: Swarm publishes on every address of every node
            warnings.add(file + ": service '" + service + "': ports: the host IP of '" + entry + "' is ignored, as"
                    + " docker stack deploy ignores it; the service listens on 0.0.0.0");
            s = ip.group(2);
        }
        Matcher m = SHORT.matcher(s);
        if (!m.matches()) {
            throw v.error("ports", "'" + s + "' is not a port mapping such as \"8080:80\", \"80\" or \"53:53/udp\"");
        }
        long target = Long.parseLong(m.group(3));
        long targetEnd = m.group(4) == null ? target : Long.parseLong(m.group(4));
        Long published = m.group(1) == null ? null : Long.parseLong(m.group(1));
        long publishedEnd = m.group(2) == null ? (published == null ? 0 : published) : Long.parseLong(m.group(2));
        String protocol = m.group(5) == null ? "tcp" : m.group(5);
        long count = targetEnd - target + 1;
        if (count < 1 || published != null && publishedEnd - published + 1 != count) {
            throw v.error("ports", "'" + s + "': the published and target ranges must have the same length");
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            out.add(port(protocol, target + i, published == null ? null : published + i, "ingress"));
        }
        return out;
    }

    private Map<String, Object> longSyntax(Map<String, Object> p) {
        ComposeKeys.check(p, ComposeKeys.PORT, file, "service '" + service + "' ports");
        Long target = v.integer(p.get("target"), "ports.target");
        if (target == null) {
            throw v.error("ports", "the long syntax needs target: (the container port)");
        }
        String protocol = p.get("protocol") == null ? "tcp" : v.string(p.get("protocol"), "ports.protocol");
        String mode = p.get("mode") == null ? "ingress" : v.string(p.get("mode"), "ports.mode");
        if (!List.of("ingress", "host").contains(mode)) {
            throw v.error("ports.mode", "must be ingress or host, not '" + mode + "'");
        }
        return port(protocol, target, v.integer(p.get("published"), "ports.published"), mode);
    }

    private static Map<String, Object> port(String protocol, long target, Long published, String mode) {
        Map<String, Object> port = new LinkedHashMap<>();
        port.put("Protocol", protocol);
        port.put("TargetPort", target);
        if (published != null) {
            port.put("PublishedPort", published);
        }
        port.put("PublishMode", mode);
        return port;
    }
}
