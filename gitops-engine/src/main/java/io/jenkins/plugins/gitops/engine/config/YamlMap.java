package io.jenkins.plugins.gitops.engine.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML mapping of gitops.yaml with its key path and line: keys in file order, duplicate and
 * non-string keys reported, and merge keys ({@code <<: *anchor}) applied as YAML defines them
 * (explicit keys win over merged ones).
 */
final class YamlMap {
    /** One key with the line it is on, its full key path and its value. */
    record Entry(String key, String path, int line, Node value) {
    }

    private final String path;
    private final int line;
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    private YamlMap(String path, int line) {
        this.path = path;
        this.line = line;
    }

    /**
     * Reads {@code node}; {@code line} is where the mapping is introduced (its key's line), used
     * for problems with the mapping as a whole such as a missing key.
     */
    static YamlMap read(MappingNode node, String path, int line, Problems problems) {
        YamlMap map = new YamlMap(path, line);
        List<MappingNode> merged = new ArrayList<>();
        map.addExplicit(node, merged, problems);
        Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        seen.add(node);
        for (MappingNode source : merged) {
            map.addMerged(source, seen);
        }
        return map;
    }

    private void addExplicit(MappingNode node, List<MappingNode> merged, Problems problems) {
        for (NodeTuple tuple : node.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (Tag.MERGE.equals(keyNode.getTag())) {
                collectMergeSources(tuple.getValueNode(), merged, problems);
                continue;
            }
            if (!(keyNode instanceof ScalarNode scalar) || Values.isNull(keyNode)) {
                problems.error(keyNode, path, "keys must be plain names, found " + Values.describe(keyNode));
                continue;
            }
            String key = scalar.getValue();
            Entry previous = entries.get(key);
            if (previous != null) {
                problems.error(keyNode, path, "duplicate key '" + key + "' (first at line " + previous.line()
                        + "); remove one of them");
                continue;
            }
            entries.put(key, new Entry(key, childPath(key), Values.line(keyNode), tuple.getValueNode()));
        }
    }

    private void collectMergeSources(Node value, List<MappingNode> merged, Problems problems) {
        if (value instanceof MappingNode mapping) {
            merged.add(mapping);
        } else if (value instanceof SequenceNode sequence
                && sequence.getValue().stream().allMatch(MappingNode.class::isInstance)) {
            sequence.getValue().forEach(n -> merged.add((MappingNode) n));
        } else {
            problems.error(value, path, "'<<' merges mappings only, found " + Values.describe(value));
        }
    }

    /** Keys of a merged mapping (and of the mappings it merges) that are not already set. */
    private void addMerged(MappingNode source, Set<Node> seen) {
        if (!seen.add(source)) {
            return;
        }
        List<MappingNode> nested = new ArrayList<>();
        for (NodeTuple tuple : source.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (Tag.MERGE.equals(keyNode.getTag()) && tuple.getValueNode() instanceof MappingNode m) {
                nested.add(m);
            } else if (keyNode instanceof ScalarNode scalar && !Values.isNull(keyNode)) {
                entries.putIfAbsent(scalar.getValue(),
                        new Entry(scalar.getValue(), childPath(scalar.getValue()), Values.line(keyNode), tuple.getValueNode()));
            }
        }
        nested.forEach(m -> addMerged(m, seen));
    }

    String path() {
        return path;
    }

    int line() {
        return line;
    }

    String childPath(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The entry for {@code key}, or null when the key is absent. */
    Entry get(String key) {
        return entries.get(key);
    }

    List<Entry> entries() {
        return List.copyOf(entries.values());
    }

    /** Reports every key not in {@code known}, suggesting the closest known one. */
    void rejectUnknown(List<String> known, Problems problems) {
        for (Entry entry : entries.values()) {
            if (!known.contains(entry.key())) {
                String hint = Suggestions.closest(entry.key(), known)
                        .map(c -> " (did you mean '" + c + "'?)")
                        .orElse("; known keys: " + String.join(", ", known));
                problems.error(entry.line(), path, (path.isEmpty() ? "unknown top-level key '" : "unknown key '")
                        + Values.clip(entry.key()) + "'" + hint);
            }
        }
    }

    /** The entry for a required key, or null after reporting it missing ({@code hint} says what to write). */
    Entry require(String key, String hint, Problems problems) {
        Entry entry = entries.get(key);
        if (entry == null) {
            problems.error(line, path, "missing required key '" + key + "' (" + hint + ")");
        }
        return entry;
    }
}
