package io.jenkins.plugins.gitops.engine;

import io.jenkins.plugins.gitops.engine.source.SourceTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A tree with pending edits on top (path to new content, null for deleted): what a commit would
 * contain, so it can be rendered and checked before it is pushed.
 */
final class EditedTree implements SourceTree {
    private final SourceTree base;
    private final Map<String, byte[]> edits;

    EditedTree(SourceTree base, Map<String, byte[]> edits) {
        this.base = base;
        this.edits = edits;
    }

    @Override
    public String revision() {
        return base.revision() + " with " + edits.size() + " pending change(s)";
    }

    @Override
    public boolean isFile(String path) {
        if (edits.containsKey(path)) {
            return edits.get(path) != null;
        }
        return base.isFile(path);
    }

    @Override
    public boolean isDirectory(String path) {
        String prefix = path.isEmpty() ? "" : path + "/";
        boolean added = edits.entrySet().stream().anyMatch(e -> e.getValue() != null && e.getKey().startsWith(prefix));
        return added || base.isDirectory(path);
    }

    @Override
    public List<String> list(String directory) {
        TreeSet<String> names = new TreeSet<>(base.isDirectory(directory) ? base.list(directory) : List.of());
        String prefix = directory.isEmpty() ? "" : directory + "/";
        edits.forEach((path, content) -> {
            if (path.startsWith(prefix)) {
                String rest = path.substring(prefix.length());
                String name = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
                if (content != null) {
                    names.add(name);
                } else if (!rest.contains("/")) {
                    names.remove(name);
                }
            }
        });
        return new ArrayList<>(names);
    }

    @Override
    public byte[] read(String path) {
        if (edits.containsKey(path)) {
            byte[] content = edits.get(path);
            if (content == null) {
                throw new InvalidInputException(path + ": file not found (deleted by the pending change)");
            }
            return content;
        }
        return base.read(path);
    }
}
