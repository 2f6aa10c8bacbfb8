package io.jenkins.plugins.gitops.engine.config;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Typed reading of YAML values. Each method returns the value, or null after reporting what was
 * expected and what was found; callers go on so that all problems are collected.
 */
final class Values {
    private static final int MAX_QUOTED = 60;

    private Values() {
    }

    static int line(Node node) {
        return node == null || node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    /** An empty value ({@code key:}), {@code ~} or {@code null}, unquoted. */
    static boolean isNull(Node node) {
        return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
    }

    /** What a node is, for "expected X, found Y" (scalars quoted and clipped). */
    static String describe(Node node) {
        if (isNull(node)) {
            return "no value";
        }
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        return "'" + clip(((ScalarNode) node).getValue()) + "'";
    }

    static String clip(String s) {
        String oneLine = s.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
        return oneLine.length() <= MAX_QUOTED ? oneLine : oneLine.substring(0, MAX_QUOTED) + "...";
    }

    /** Any scalar text, possibly empty; null for lists, mappings and empty values. */
    static String scalar(Node node, String path, Problems problems, String expected) {
        if (node instanceof ScalarNode scalar && !isNull(node)) {
            return scalar.getValue();
        }
        problems.error(node, path, "expected " + expected + ", found " + describe(node));
        return null;
    }

    /** A non-blank string. */
    static String string(Node node, String path, Problems problems) {
        String s = scalar(node, path, problems, "a string");
        if (s != null && s.isBlank()) {
            problems.error(node, path, "must not be empty");
            return null;
        }
        return s;
    }

    static Boolean bool(Node node, String path, Problems problems) {
        String s = scalar(node, path, problems, "true or false");
        if (s == null) {
            return null;
        }
        switch (s.toLowerCase(Locale.ROOT)) {
            case "true":
                return Boolean.TRUE;
            case "false":
                return Boolean.FALSE;
            default:
                problems.error(node, path, "expected true or false, found '" + clip(s) + "'");
                return null;
        }
    }

    /** A whole number in {@code [min, max]}. */
    static Integer integer(Node node, String path, Problems problems, int min, int max) {
        String s = scalar(node, path, problems, "a whole number");
        if (s == null) {
            return null;
        }
        try {
            long value = Long.parseLong(s.strip());
            if (value < min || value > max) {
                problems.error(node, path, "must be between " + min + " and " + max + ", found " + value);
                return null;
            }
            return (int) value;
        } catch (NumberFormatException e) {
            problems.error(node, path, "expected a whole number, found '" + clip(s) + "'");
            return null;
        }
    }

    /** A decimal number in {@code [min, max]}. */
    static Double number(Node node, String path, Problems problems, double min, double max) {
        String s = scalar(node, path, problems, "a number");
        if (s == null) {
            return null;
        }
        try {
            double value = Double.parseDouble(s.strip());
            if (!(value >= min && value <= max)) {
                problems.error(node, path, "must be between " + trim(min) + " and " + trim(max) + ", found '" + clip(s) + "'");
                return null;
            }
            return value;
        } catch (NumberFormatException e) {
            problems.error(node, path, "expected a number, found '" + clip(s) + "'");
            return null;
        }
    }

    /** A duration ({@link Durations}) of at least {@code min}. */
    static Duration duration(Node node, String path, Problems problems, Duration min) {
        String s = scalar(node, path, problems, "a duration such as 30s, 5m or 1h30m");
        if (s == null) {
            return null;
        }
        try {
            Duration d = Durations.parse(s);
            if (d.compareTo(min) < 0) {
                problems.error(node, path, "'" + clip(s) + "' is too short; use at least " + Durations.format(min));
                return null;
            }
            return d;
        } catch (InvalidInputException e) {
            problems.error(node, path, e.getMessage());
            return null;
        }
    }

    /** One of {@code allowed}, as written. */
    static String oneOf(Node node, String path, Problems problems, List<String> allowed) {
        String s = scalar(node, path, problems, "one of " + String.join(", ", allowed));
        if (s == null) {
            return null;
        }
        if (!allowed.contains(s)) {
            problems.error(node, path, "'" + clip(s) + "' is not one of " + String.join(", ", allowed)
                    + Suggestions.didYouMean(s, allowed));
            return null;
        }
        return s;
    }

    /** A mapping, or null after reporting; {@code line} is the line of the key that introduces it. */
    static YamlMap map(Node node, String path, int line, Problems problems) {
        if (node instanceof MappingNode mapping) {
            return YamlMap.read(mapping, path, line, problems);
        }
        problems.error(node, path, "expected a mapping (key: value), found " + describe(node));
        return null;
    }

    /** The items of a list, or null after reporting; {@code example} shows the list syntax. */
    static List<Node> list(Node node, String path, Problems problems, String example) {
        if (node instanceof SequenceNode sequence) {
            return sequence.getValue();
        }
        problems.error(node, path, "expected a list such as " + example + ", found " + describe(node));
        return null;
    }

    /** A list of non-blank strings; null when the list or one of its items is wrong. */
    static List<String> stringList(Node node, String path, Problems problems, String example) {
        List<Node> items = list(node, path, problems, example);
        if (items == null) {
            return null;
        }
        List<String> values = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < items.size(); i++) {
            String s = string(items.get(i), path + "[" + i + "]", problems);
            ok &= s != null;
            values.add(s);
        }
        return ok ? values : null;
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
