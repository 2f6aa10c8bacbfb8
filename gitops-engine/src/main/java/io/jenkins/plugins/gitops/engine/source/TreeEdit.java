package io.jenkins.plugins.gitops.engine.source;

import io.jenkins.plugins.gitops.engine.InvalidInputException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEditor;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.revwalk.RevTree;

/**
 * Applies file changes (path to new content, null to delete) to a commit's tree in memory and
 * writes the new tree: no work tree, no index file. Only paths whose content really changes count.
 */
final class TreeEdit {
    record Outcome(ObjectId tree, List<String> changedPaths) {
    }

    private TreeEdit() {
    }

    static Outcome apply(RevTree base, Map<String, byte[]> changes, ObjectReader reader, ObjectInserter inserter)
            throws IOException {
        DirCache index = DirCache.newInCore();
        DirCacheBuilder builder = index.builder();
        builder.addTree(new byte[0], DirCacheEntry.STAGE_0, reader, base);
        builder.finish();

        Map<String, byte[]> normalized = new TreeMap<>();
        for (Map.Entry<String, byte[]> change : changes.entrySet()) {
            String path = RepoPaths.normalize(change.getKey(), change.getKey());
            if (path.isEmpty()) {
                throw new InvalidInputException("cannot write '" + change.getKey() + "': not a file path");
            }
            normalized.put(path, change.getValue());
        }

        DirCacheEditor editor = index.editor();
        List<String> changed = new ArrayList<>();
        for (Map.Entry<String, byte[]> change : normalized.entrySet()) {
            String path = change.getKey();
            byte[] content = change.getValue();
            checkWritable(index, path);
            int at = index.findEntry(path);
            DirCacheEntry existing = at >= 0 ? index.getEntry(at) : null;
            if (content == null) {
                if (existing != null) {
                    editor.add(new DirCacheEditor.DeletePath(path));
                    changed.add(path);
                }
                continue;
            }
            ObjectId blob = inserter.insert(Constants.OBJ_BLOB, content);
            if (existing != null && existing.getObjectId().equals(blob) && existing.getFileMode() != FileMode.SYMLINK) {
                continue;
            }
            FileMode mode = existing != null && existing.getFileMode() == FileMode.EXECUTABLE_FILE
                    ? FileMode.EXECUTABLE_FILE : FileMode.REGULAR_FILE;
            editor.add(new DirCacheEditor.PathEdit(path) {
                @Override
                public void apply(DirCacheEntry entry) {
                    entry.setFileMode(mode);
                    entry.setObjectId(blob);
                    entry.setLength(content.length);
                }
            });
            changed.add(path);
        }
        if (changed.isEmpty()) {
            return new Outcome(base.getId(), List.of());
        }
        editor.finish();
        return new Outcome(index.writeTree(inserter), List.copyOf(changed));
    }

    /** A path can be written when it is not a folder and none of its parents is a file or link. */
    private static void checkWritable(DirCache index, String path) {
        if (index.getEntriesWithin(path).length > 0) {
            throw new InvalidInputException("cannot write '" + path + "': it is a folder in the repository");
        }
        List<String> parts = Arrays.asList(path.split("/"));
        for (int i = 1; i < parts.size(); i++) {
            String parent = String.join("/", parts.subList(0, i));
            int at = index.findEntry(parent);
            if (at >= 0 && index.getEntry(at).getFileMode() == FileMode.GITLINK) {
                throw new InvalidInputException("cannot write '" + path + "': '" + parent + "' is a Git submodule;"
                        + " promotion and rollback change files of this repository only, so change the submodule's"
                        + " own repository and the commit recorded for it");
            }
            if (at >= 0) {
                throw new InvalidInputException("cannot write '" + path + "': '" + parent
                        + "' is a file or symbolic link in the repository, not a folder");
            }
        }
    }
}
