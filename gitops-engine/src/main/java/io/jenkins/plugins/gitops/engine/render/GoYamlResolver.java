package io.jenkins.plugins.gitops.engine.render;

import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Which plain scalars are booleans, numbers, nulls or timestamps, the way go-yaml resolves them
 * ({@code resolve.go} of go-yaml v2 for {@link SafeYaml.Schema#KUBERNETES}, v3 for
 * {@link SafeYaml.Schema#COMPOSE}). Neither knows YAML 1.1's base-60 numbers, so {@code 18022:22}
 * and {@code 12:30} stay strings.
 */
final class GoYamlResolver extends Resolver {
    /** YAML 1.1 integers as SnakeYAML reads them, less the base-60 form. */
    static final Pattern INT_V2 = Pattern.compile(
            "^(?:[-+]?0b_*[0-1]+[0-1_]*|[-+]?0_*[0-7]+[0-7_]*|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x_*[0-9a-fA-F]+[0-9a-fA-F_]*)$");
    static final Pattern FLOAT_V2 = Pattern.compile(
            "^(?:[-+]?(?:\\.[0-9]+|[0-9_]+(?:\\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
    /** What Go's {@code strconv.ParseInt(s, 0, 64)} accepts: 0x, 0o, 0b, a leading 0 (octal), underscores between digits. */
    static final Pattern INT_V3 = Pattern.compile("^[-+]?(?:0[xX]_?[0-9a-fA-F]+(?:_[0-9a-fA-F]+)*"
            + "|0[oO]_?[0-7]+(?:_[0-7]+)*|0[bB]_?[01]+(?:_[01]+)*|0_?[0-7]+(?:_[0-7]+)*|[1-9][0-9]*(?:_[0-9]+)*|0)$");
    /** go-yaml v3's {@code yamlStyleFloat}, plus the .inf and .nan spellings of the core schema. */
    static final Pattern FLOAT_V3 = Pattern.compile(
            "^(?:[-+]?(?:\\.[0-9]+|[0-9]+(?:\\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
    static final Pattern BOOL_V3 = Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$");

    GoYamlResolver(SafeYaml.Schema schema) {
        // the super constructor registered SnakeYAML's YAML 1.1 resolvers; start again
        yamlImplicitResolvers.clear();
        boolean compose = schema == SafeYaml.Schema.COMPOSE;
        addImplicitResolver(Tag.BOOL, compose ? BOOL_V3 : BOOL, compose ? "tTfF" : "yYnNtTfFoO", 10);
        addImplicitResolver(Tag.INT, compose ? INT_V3 : INT_V2, "-+0123456789");
        addImplicitResolver(Tag.FLOAT, compose ? FLOAT_V3 : FLOAT_V2, "-+0123456789.");
        addImplicitResolver(Tag.MERGE, MERGE, "<", 10);
        addImplicitResolver(Tag.NULL, NULL, "~nN\0", 10);
        addImplicitResolver(Tag.NULL, EMPTY, null, 10);
        if (!compose) {
            addImplicitResolver(Tag.TIMESTAMP, TIMESTAMP, "0123456789", 50);
        }
        addImplicitResolver(Tag.YAML, YAML, "!&*", 10);
    }

    @Override
    protected void addImplicitResolvers() {
        // registered in the constructor, once the schema is known
    }
}
