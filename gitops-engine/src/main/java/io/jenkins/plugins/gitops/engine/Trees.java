package io.jenkins.plugins.gitops.engine;

import io.jenkins.plugins.gitops.engine.source.RepoPaths;
import io.jenkins.plugins.gitops.engine.source.SourceTree;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Walking and comparing folders of source trees. */
final class Trees {
    private Trees() {
    }

    /** Every file below a folder (recursive, sorted), as repository paths; empty when the folder is absent. */
    static List<String> files(SourceTree tree, String directory) {
        List<String> out = new ArrayList<>();
        if (!tree.isDirectory(directory)) {
            return out;
        }
        for (String name : tree.list(directory)) {
            String path = RepoPaths.child(directory, name);
            if (tree.isDirectory(path)) {
                out.addAll(files(tree, path));
            } else if (tree.isFile(path)) {
                out.add(path);
            }
        }
        return out;
    }

    /** The edits that make {@code directory} in {@code current} equal to the same folder in {@code wanted}. */
    static Map<String, byte[]> editsToMatch(SourceTree current, SourceTree wanted, String directory) {
        Map<String, byte[]> edits = new LinkedHashMap<>();
        List<String> wantedFiles = files(wanted, directory);
        for (String path : wantedFiles) {
            byte[] content = wanted.read(path);
            if (!current.isFile(path) || !Arrays.equals(current.read(path), content)) {
                edits.put(path, content);
            }
        }
        for (String path : files(current, directory)) {
            if (!wantedFiles.contains(path)) {
                edits.put(path, null);
            }
        }
        return edits;
    }
}
