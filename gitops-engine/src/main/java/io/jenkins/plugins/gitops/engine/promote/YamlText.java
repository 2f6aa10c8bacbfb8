package io.jenkins.plugins.gitops.engine.promote;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.source.SourceTree;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML file edited in place. SnakeYAML composes the file into nodes only to learn where things
 * are (start and end marks); every change is a replacement or insertion of text at those places,
 * so comments, blank lines, key order, quoting and line endings of everything else stay exactly as
 * they were and the Git diff shows only the changed lines. New lines use the file's own line ending
 * and the indentation of their neighbours.
 */
final class YamlText {
    private final TextFile source;
    private final String text;
    private final boolean identityOffsets;
    private final List<Node> documents = new ArrayList<>();
    private final List<Edit> edits = new ArrayList<>();
    private final java.util.Set<Integer> replaced = new java.util.HashSet<>();

    private record Edit(int start, int end, String replacement, int order) {
    }

    private YamlText(TextFile source) {
        this.source = source;
        this.text = source.text();
        this.identityOffsets = text.codePointCount(0, text.length()) == text.length();
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(50);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(64);
        options.setCodePointLimit((int) SourceTree.MAX_FILE_BYTES);
        try {
            for (Node node : new Yaml(new SafeConstructor(options)).composeAll(new StringReader(text))) {
                documents.add(node);
            }
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new InvalidInputException(source.path() + (line > 0 ? ":" + line : "") + ": invalid YAML: "
                    + firstLine(e.getProblem()));
        } catch (YAMLException e) {
            throw new InvalidInputException(source.path() + ": invalid YAML: " + firstLine(e.getMessage()));
        }
    }

    static YamlText of(TextFile file) {
        return new YamlText(file);
    }

    String path() {
        return source.path();
    }

    List<Node> documents() {
        return documents;
    }

    /** The root mapping of a single-document file, or null for an empty file; an error for anything else. */
    MappingNode rootMapping() {
        if (documents.isEmpty()) {
            return null;
        }
        if (documents.size() > 1 || !(documents.get(0) instanceof MappingNode root)) {
            throw new InvalidInputException(path() + ": expected one YAML mapping at the top level");
        }
        return root;
    }

    boolean changed() {
        return !edits.isEmpty();
    }

    /** The edited file as bytes, with the original byte-order mark and line endings. */
    byte[] result() {
        StringBuilder out = new StringBuilder(text);
        edits.stream().sorted(Comparator.comparingInt(Edit::start).thenComparingInt(Edit::order).reversed())
                .forEach(e -> out.replace(e.start(), e.end(), e.replacement()));
        return source.withText(out.toString());
    }

    // ---- reading nodes

    static NodeTuple entry(MappingNode mapping, String key) {
        if (mapping == null) {
            return null;
        }
        for (NodeTuple t : mapping.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                return t;
            }
        }
        return null;
    }

    static Node value(MappingNode mapping, String key) {
        NodeTuple t = entry(mapping, key);
        return t == null ? null : t.getValueNode();
    }

    /** The text of a scalar value, or null when absent or not a scalar. */
    static String string(MappingNode mapping, String key) {
        return value(mapping, key) instanceof ScalarNode s ? s.getValue() : null;
    }

    static MappingNode mapping(Node node) {
        return node instanceof MappingNode m ? m : null;
    }

    // ---- edits

    /** Replaces a scalar's text with {@code value}, keeping its quoting style where that is safe. */
    void replaceScalar(ScalarNode node, String value) {
        if (!replaced.add(offset(node.getStartMark()))) {
            return; // the same node reached twice (through an alias): changed once
        }
        if (node.getValue().equals(value) && node.getScalarStyle() != DumperOptions.ScalarStyle.PLAIN
                || node.getValue().equals(value) && YamlScalars.plainIsString(value)) {
            return;
        }
        String written = switch (node.getScalarStyle()) {
            case DOUBLE_QUOTED -> YamlScalars.doubleQuoted(value);
            case SINGLE_QUOTED -> "'" + value.replace("'", "''") + "'";
            case PLAIN -> YamlScalars.scalar(value);
            default -> throw new InvalidInputException(path() + ":" + line(node) + ": " + node.getValue().strip()
                    + " is a block scalar; write it on one line so promotion can change it");
        };
        int start = offset(node.getStartMark());
        int end = offset(node.getEndMark());
        edits.add(new Edit(start, end, start == end ? " " + written : written, edits.size()));
    }

    /**
     * Sets the value at a key path of the root mapping ({@code image.tag}), adding the missing keys
     * as nested block mappings (two spaces per level) after the last entry of the deepest existing one.
     */
    void setPath(List<String> path, String value) {
        MappingNode current = documents.isEmpty() ? null : rootMapping();
        if (current == null) {
            append(nested(path, value));
            return;
        }
        for (int i = 0; i < path.size(); i++) {
            Node existing = value(current, path.get(i));
            if (existing == null) {
                addEntry(current, nested(path.subList(i, path.size()), value));
                return;
            }
            if (i == path.size() - 1) {
                setScalar(current, path.get(i), value);
                return;
            }
            if (!(existing instanceof MappingNode next)) {
                throw new InvalidInputException(path() + ":" + line(existing) + ": '"
                        + String.join(".", path.subList(0, i + 1)) + "' is not a mapping; cannot set "
                        + String.join(".", path) + " there, set it by hand");
            }
            current = next;
        }
    }

    /** Sets keys of the mapping at {@code path} ({@code image}: tag, digest), creating the path once if absent. */
    void setAll(List<String> path, Map<String, String> leaves) {
        if (leaves.isEmpty()) {
            return;
        }
        MappingNode current = documents.isEmpty() ? null : rootMapping();
        int depth = 0;
        while (current != null && depth < path.size()) {
            Node next = value(current, path.get(depth));
            if (next == null) {
                break;
            }
            if (!(next instanceof MappingNode m)) {
                throw new InvalidInputException(path() + ":" + line(next) + ": '"
                        + String.join(".", path.subList(0, depth + 1)) + "' is not a mapping; cannot set "
                        + String.join(".", path) + "." + String.join("/", leaves.keySet()) + " there, set it by hand");
            }
            current = m;
            depth++;
        }
        if (current != null && depth == path.size()) {
            leaves.forEach((k, v) -> setScalar(mappingAt(path), k, v));
            return;
        }
        List<String> lines = new ArrayList<>();
        List<String> missing = path.subList(depth, path.size());
        for (int i = 0; i < missing.size(); i++) {
            lines.add("  ".repeat(i) + missing.get(i) + ":");
        }
        String indent = "  ".repeat(missing.size());
        leaves.forEach((k, v) -> lines.add(indent + k + ": " + YamlScalars.scalar(v)));
        if (current == null) {
            append(lines);
        } else {
            addEntry(current, lines);
        }
    }

    private MappingNode mappingAt(List<String> path) {
        MappingNode current = rootMapping();
        for (String key : path) {
            current = (MappingNode) value(current, key);
        }
        return current;
    }

    private static List<String> nested(List<String> path, String value) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < path.size(); i++) {
            String indent = "  ".repeat(i);
            lines.add(indent + path.get(i) + ":" + (i == path.size() - 1 ? " " + YamlScalars.scalar(value) : ""));
        }
        return lines;
    }

    /** Sets {@code key} of a mapping to a scalar value: replaced if present, added after the last entry if not. */
    void setScalar(MappingNode mapping, String key, String value) {
        Node existing = value(mapping, key);
        if (existing instanceof ScalarNode s) {
            replaceScalar(s, value);
        } else if (existing != null) {
            throw new InvalidInputException(path() + ":" + line(existing) + ": '" + key
                    + "' is not a single value; set it to " + value + " by hand");
        } else {
            String written = isFlow(mapping) ? YamlScalars.flowScalar(value) : YamlScalars.scalar(value);
            addEntry(mapping, List.of(key + ": " + written));
        }
    }

    static boolean isFlow(Node node) {
        return (node instanceof MappingNode m && m.getFlowStyle() == DumperOptions.FlowStyle.FLOW)
                || (node instanceof SequenceNode s && s.getFlowStyle() == DumperOptions.FlowStyle.FLOW);
    }

    /**
     * Adds lines to a mapping after its last entry, indented like its keys; {@code lines} are
     * relative (nested lines carry their own extra indentation). Flow mappings get {@code , k: v}.
     */
    void addEntry(MappingNode mapping, List<String> lines) {
        if (mapping.getFlowStyle() == DumperOptions.FlowStyle.FLOW) {
            if (lines.size() != 1) {
                throw new InvalidInputException(path() + ":" + line(mapping) + ": cannot add a nested key to a"
                        + " {flow} mapping; write it as a block mapping");
            }
            int close = offset(mapping.getEndMark()) - 1;
            insert(close, (mapping.getValue().isEmpty() ? "" : ", ") + lines.get(0));
            return;
        }
        String indent = " ".repeat(mapping.getValue().get(0).getKeyNode().getStartMark().getColumn());
        insertLinesAfter(lastContent(mapping), indent, lines);
    }

    /** Appends an item (given as relative lines of a block mapping) to a sequence. */
    void addItem(SequenceNode sequence, List<String> lines, String flowItem) {
        if (sequence.getFlowStyle() == DumperOptions.FlowStyle.FLOW) {
            int close = offset(sequence.getEndMark()) - 1;
            insert(close, (sequence.getValue().isEmpty() ? "" : ", ") + flowItem);
            return;
        }
        Node first = sequence.getValue().get(0);
        int itemColumn = first.getStartMark().getColumn();
        int dash = text.lastIndexOf('-', offset(first.getStartMark()));
        int dashColumn = dash - lineStart(dash);
        String dashIndent = " ".repeat(dashColumn);
        String inner = " ".repeat(Math.max(itemColumn, dashColumn + 2));
        List<String> item = new ArrayList<>();
        item.add(" ".repeat(Math.max(1, itemColumn - dashColumn - 1)) + lines.get(0));
        lines.subList(1, lines.size()).forEach(l -> item.add(inner.substring(dashColumn) + l));
        List<String> withDash = new ArrayList<>();
        withDash.add("-" + item.get(0));
        withDash.addAll(item.subList(1, item.size()));
        insertLinesAfter(lastContent(sequence), dashIndent, withDash);
    }

    /** Adds lines at the end of the file (after a final line break, added if missing). */
    void append(List<String> lines) {
        String nl = source.newline();
        StringBuilder b = new StringBuilder();
        if (!text.isEmpty() && !text.endsWith("\n") && !text.endsWith("\r")) {
            b.append(nl);
        }
        lines.forEach(l -> b.append(l).append(nl));
        insert(text.length(), b.toString());
    }

    /** Removes one entry of a block mapping (its key, value and their lines). */
    void removeEntry(MappingNode mapping, String key) {
        List<NodeTuple> tuples = mapping.getValue();
        for (int i = 0; i < tuples.size(); i++) {
            NodeTuple t = tuples.get(i);
            if (!(t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key))) {
                continue;
            }
            if (mapping.getFlowStyle() == DumperOptions.FlowStyle.FLOW) {
                throw new InvalidInputException(path() + ":" + line(mapping) + ": cannot remove '" + key
                        + "' from a {flow} mapping; write it as a block mapping");
            }
            int start = offset(t.getKeyNode().getStartMark());
            if (i + 1 < tuples.size()) {
                edits.add(new Edit(start, offset(tuples.get(i + 1).getKeyNode().getStartMark()), "", edits.size()));
            } else if (text.substring(lineStart(start), start).isBlank()) {
                edits.add(new Edit(lineStart(start), lineEnd(lastContent(t.getValueNode())), "", edits.size()));
            } else {
                int from = lastContent(tuples.get(i - 1).getValueNode());
                edits.add(new Edit(from, lastContent(t.getValueNode()), "", edits.size()));
            }
            return;
        }
    }

    /** Replaces an entry (key and value) with another single-line entry, in place. */
    void renameEntry(NodeTuple entry, String newLine) {
        edits.add(new Edit(offset(entry.getKeyNode().getStartMark()), lastContent(entry.getValueNode()), newLine,
                edits.size()));
    }

    int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    // ---- positions

    private void insert(int at, String textToInsert) {
        edits.add(new Edit(at, at, textToInsert, edits.size()));
    }

    private void insertLinesAfter(int contentEnd, String indent, List<String> lines) {
        String nl = source.newline();
        int at = lineEnd(contentEnd);
        StringBuilder b = new StringBuilder();
        if (at == text.length() && !text.endsWith("\n") && !text.endsWith("\r")) {
            b.append(nl);
        }
        lines.forEach(l -> b.append(indent).append(l).append(nl));
        insert(at, b.toString());
    }

    /** Offset just after the last character that belongs to a node (its last scalar, or a flow collection's close). */
    private int lastContent(Node node) {
        if (node instanceof MappingNode m && m.getFlowStyle() == DumperOptions.FlowStyle.BLOCK
                && !m.getValue().isEmpty()) {
            return Math.max(offset(m.getValue().get(m.getValue().size() - 1).getKeyNode().getEndMark()),
                    lastContent(m.getValue().get(m.getValue().size() - 1).getValueNode()));
        }
        if (node instanceof SequenceNode s && s.getFlowStyle() == DumperOptions.FlowStyle.BLOCK
                && !s.getValue().isEmpty()) {
            return Math.max(offset(s.getStartMark()), lastContent(s.getValue().get(s.getValue().size() - 1)));
        }
        int end = offset(node.getEndMark());
        if (node instanceof ScalarNode s && (s.getScalarStyle() == DumperOptions.ScalarStyle.LITERAL
                || s.getScalarStyle() == DumperOptions.ScalarStyle.FOLDED)) {
            while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r'
                    || text.charAt(end - 1) == ' ')) {
                end--;
            }
        }
        return end;
    }

    private int offset(Mark mark) {
        return identityOffsets ? mark.getIndex() : text.offsetByCodePoints(0, mark.getIndex());
    }

    private int lineStart(int offset) {
        int i = offset;
        while (i > 0 && text.charAt(i - 1) != '\n' && text.charAt(i - 1) != '\r') {
            i--;
        }
        return i;
    }

    /** Offset after the line break of the line holding {@code offset} (end of text if it has none). */
    private int lineEnd(int offset) {
        int i = offset;
        while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
            i++;
        }
        if (i < text.length() && text.charAt(i) == '\r') {
            i++;
        }
        if (i < text.length() && text.charAt(i) == '\n') {
            i++;
        }
        return i;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable document";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
