package io.jenkins.plugins.gitops.engine.promote;

import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/** How promotion writes a new YAML scalar: plain when it reads back as the same string, double-quoted otherwise. */
final class YamlScalars {
    private static final Resolver RESOLVER = new Resolver();

    private YamlScalars() {
    }

    /** A scalar as YAML text: plain when it reads back as the same string, double-quoted otherwise. */
    static String scalar(String value) {
        return plainIsString(value) ? value : doubleQuoted(value);
    }

    /** A scalar for a flow collection ({@code [..]}, {@code {..}}), where ':' and ',' need quotes. */
    static String flowScalar(String value) {
        return plainIsString(value) && value.chars().noneMatch(c -> ":,[]{}#".indexOf(c) >= 0) ? value
                : doubleQuoted(value);
    }

    static boolean plainIsString(String value) {
        return value.matches("[A-Za-z0-9_/][A-Za-z0-9_./:@+\\-]*") && !value.endsWith(":")
                && RESOLVER.resolve(NodeId.scalar, value, true).equals(Tag.STR);
    }

    static String doubleQuoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
