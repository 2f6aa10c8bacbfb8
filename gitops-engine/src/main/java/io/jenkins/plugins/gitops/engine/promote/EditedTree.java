package io.jenkins.plugins.gitops.engine.promote;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import io.jenkins.plugins.gitops.engine.source.RepoPaths;
import io.jenkins.plugins.gitops.engine.source.SourceTree;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A source tree with a promotion's changed files laid over it, so the target can be rendered (and
 * its policies checked) on exactly what the commit will contain, before anything is pushed.
 */
public final class EditedTree implements SourceTree {
    private final SourceTree base;
    private final Map<String, byte[]> files;

    public EditedTree(SourceTree base, Map<String, byte[]> changedFiles) {
        this.base = base;
        this.files = new TreeMap<>();
        changedFiles.forEach((path, content) -> files.put(RepoPaths.normalize(path, path), content.clone()));
    }

    @Override
    public String revision() {
        return base.revision() + " with the promotion's changes";
    }

    @Override
    public boolean isFile(String path) {
        return files.containsKey(RepoPaths.normalize(path, path)) || base.isFile(path);
    }

    @Override
    public boolean isDirectory(String path) {
        String dir = RepoPaths.normalize(path, path);
        return base.isDirectory(path) || files.keySet().stream().anyMatch(f -> dir.isEmpty() || f.startsWith(dir + "/"));
    }

    @Override
    public java.util.List<String> list(String directory) {
        String dir = RepoPaths.normalize(directory, directory);
        if (!isDirectory(directory)) {
            throw new InvalidInputException(directory + ": folder not found in " + revision());
        }
        TreeSet<String> names = new TreeSet<>(base.isDirectory(directory) ? base.list(directory) : java.util.List.of());
        String prefix = dir.isEmpty() ? "" : dir + "/";
        for (String file : files.keySet()) {
            if (file.startsWith(prefix)) {
                String rest = file.substring(prefix.length());
                names.add(rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest);
            }
        }
        return java.util.List.copyOf(names);
    }

    @Override
    public byte[] read(String path) {
        byte[] edited = files.get(RepoPaths.normalize(path, path));
        return edited != null ? edited.clone() : base.read(path);
    }
}
